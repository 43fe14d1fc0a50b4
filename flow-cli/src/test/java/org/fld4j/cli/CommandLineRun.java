package org.fld4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One {@code fld} command line run in-process through {@link Main#run}, with what it printed.
 *
 * @param status the exit status
 * @param out    stdout
 * @param err    stderr
 */
public record CommandLineRun(int status, String out, String err) {

    /** Runs {@code args} (without the leading {@code fld}). */
    public static CommandLineRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLineRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stdout as JSON, after checking that it is valid under the published schema. */
    public JsonNode json() {
        JsonSchemaCheck.assertValid(out);
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON document's {@code result}. */
    public JsonNode result() {
        return json().get("result");
    }
}
