package org.fld4j.cli;

import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema check itself: a hand-built envelope passes, and each kind of violation is caught. */
class JsonSchemaCheckTest {

    private static String envelope(String command, String provenanceExtra) {
        return "{\"schemaVersion\":2,\"command\":\"" + command + "\",\"result\":{\"report\":\"r/index.html\"},\"provenance\":{"
                + "\"fld4jVersion\":\"0.1.0\",\"command\":[\"fld\"],\"createdAt\":\"2026-01-02T03:04:05Z\","
                + "\"preset\":null,\"seed\":1,\"counts\":{\"real\":3},\"fingerprints\":{\"real\":\""
                + "a".repeat(64) + "\"},\"options\":{},\"java\":\"17\"" + provenanceExtra + "}}";
    }

    @Test
    void aWellFormedEnvelopeIsValid() {
        JsonSchemaCheck.assertValid(envelope("report", ""));
    }

    @Test
    void violationsAreCaught() {
        assertThat(JsonSchemaCheck.errors(envelope("report", ",\"extra\":1"))).isNotEmpty();
        assertThat(JsonSchemaCheck.errors(envelope("report", "").replace("\"schemaVersion\":2", "\"schemaVersion\":1")))
                .isNotEmpty();
        assertThat(JsonSchemaCheck.errors(envelope("report", "").replace("a".repeat(64), "xyz"))).isNotEmpty();
        assertThat(JsonSchemaCheck.errors(envelope("report", "").replace("2026-01-02T03:04:05Z", "yesterday")))
                .isNotEmpty();
    }

    @Test
    void unknownCommandsAndResultsThatBreakTheirCommandsSchemaAreCaught() {
        assertThat(JsonSchemaCheck.errors(envelope("report", "").replace("\"report\",", "\"scores\","))).isNotEmpty();
        assertThat(JsonSchemaCheck.errors(envelope("report", "").replace("\"report\":\"r/index.html\"", "\"x\":1")))
                .isNotEmpty();
    }

    @Test
    void theDocumentBuilderWritesAValidEnvelope() {
        Cli.set(System.out, System.err, false, true, List.of("fld", "test"));
        ObjectNode doc = JsonResults.document("report", Provenance.builder().seed(3).count("real", 10)
                .fingerprint("real", "0".repeat(64)).option("bootstrap", 1000).build());
        ((ObjectNode) doc.get("result")).put("report", "r/index.html");
        JsonSchemaCheck.assertValid(doc.toString());
    }
}
