package org.fld4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates JSON results against the published schema in docs/schema (the file users read, not a copy). */
public final class JsonSchemaCheck {

    /** The envelope schema; result schemas are referenced from it by relative paths. */
    public static final Path SCHEMA = locate();

    private static final JsonSchema COMPILED = compile();

    private JsonSchemaCheck() {
    }

    private static Path locate() {
        // Tests run in flow-cli/ under Maven and in the repository root under some IDEs.
        for (Path p : new Path[] {Path.of("../docs/schema/fld-result.schema.json"),
                Path.of("docs/schema/fld-result.schema.json")}) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("docs/schema/fld-result.schema.json not found from " + Path.of("").toAbsolutePath());
    }

    private static JsonSchema compile() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://fld4j.org/schema/",
                        SCHEMA.getParent().toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        // loaded by its $id, which the mapper above points at docs/schema, so results/*.json resolve there too
        return factory.getSchema(SchemaLocation.of("https://fld4j.org/schema/fld-result.schema.json"), config);
    }

    /** The validation errors of {@code json} (empty when it is valid). */
    public static Set<ValidationMessage> errors(String json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return COMPILED.validate(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code json} is one JSON object valid under the schema. */
    public static void assertValid(String json) {
        assertThat(errors(json)).as("schema errors of %s", json).isEmpty();
    }
}
