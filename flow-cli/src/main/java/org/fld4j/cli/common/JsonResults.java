package org.fld4j.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code --json} output: one JSON object on stdout per command, {@code {"schemaVersion": 2, "command":
 * ..., "result": {...}, "provenance": {...}}}, described by docs/schema/fld-result.schema.json. Numbers are
 * written with round-trip precision; NaN and infinities are not JSON, so results never hold them (a value that
 * does not exist is {@code null}).
 */
public final class JsonResults {

    /**
     * Raised when a field is renamed, removed or changes meaning; adding a field keeps it. 2: the warnings of a
     * D-FLD score became {@code {code, message}} objects (they were strings), and FLD scores gained them.
     */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonResults() {
    }

    /** The shared mapper (records and maps serialise as objects). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An empty result object for {@code command}, with the schema version set; fill it and {@link #print} it. */
    public static ObjectNode document(String command, Provenance provenance) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("command", command);
        root.putObject("result");
        root.set("provenance", MAPPER.valueToTree(provenance));
        return root;
    }

    /** Prints the document as the only thing on stdout. */
    public static void print(ObjectNode document) {
        try {
            Cli.out().println(MAPPER.writeValueAsString(document));
            Cli.out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON result", e);
        }
    }

    /** A double as JSON: the value, or {@code null} when it is NaN or infinite. */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
