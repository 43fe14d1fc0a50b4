package org.fld4j.core.internal.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON text {@link Json#write} makes of a document with every kind of value and layout (empty and nested
 * containers, lists of scalars on one line and of containers one per line, every control character, quotes,
 * non-ASCII text, floats, extreme doubles and longs) is what the hand-written writer made
 * ({@code src/test/resources/golden/json-edge-cases.json}), byte for byte; and it parses back to the same values.
 * Run with {@code -Dfld4j.writeGolden=<folder>} to write the file again.
 */
class GoldenJsonTextTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/json-edge-cases.json");

    static Map<String, Object> document() {
        StringBuilder control = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            control.append(c);
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("emptyObject", new LinkedHashMap<>());
        nested.put("emptyList", List.of());
        nested.put("deeper", Map.of("list", List.of(List.of(), List.of(1, 2), Map.of())));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("control", control.toString());
        doc.put("quotes", "\"q\" \\b\\ /slash/ \u007f");
        doc.put("unicode", "caf\u00e9 \u4e2d \ud83d\ude00 \u2028");
        doc.put("int", 7);
        doc.put("long", Long.MIN_VALUE);
        doc.put("maxLong", Long.MAX_VALUE);
        doc.put("float", 0.1f);
        doc.put("double", 0.1);
        doc.put("tiny", Double.MIN_VALUE);
        doc.put("huge", -Double.MAX_VALUE);
        doc.put("negativeZero", -0.0);
        doc.put("exponent", 1.0e-5);
        doc.put("whole", 3.0);
        doc.put("true", true);
        doc.put("false", false);
        doc.put("null", null);
        doc.put("scalars", Arrays.asList(1, -2.5, "x", null, true));
        doc.put("mixed", List.of(1, Map.of("a", 1), "y"));
        doc.put("lists", List.of(List.of(1, 2), List.of("a")));
        doc.put("nested", nested);
        doc.put("", "empty key");
        List<Object> long1 = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long1.add(i * 1.5);
        }
        doc.put("longList", long1);
        return doc;
    }

    @Test
    void writeGoldenFileWhenAsked() throws IOException {
        String target = System.getProperty("fld4j.writeGolden");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            Files.write(Path.of(target, "json-edge-cases.json"), Json.write(document()).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theTextIsWhatTheHandWrittenWriterMade() throws IOException {
        assertThat(Json.write(document()).getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(GOLDEN));
    }

    @Test
    void itParsesBackToTheSameValues() throws IOException {
        Object parsed = Json.parse(Files.readString(GOLDEN));
        assertThat(Json.write(parsed)).isEqualTo(Files.readString(GOLDEN));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) parsed;
        assertThat(m.get("int")).isEqualTo(7L);
        assertThat(m.get("long")).isEqualTo(Long.MIN_VALUE);
        assertThat(m.get("float")).isEqualTo((double) 0.1f);
        assertThat(m.get("negativeZero")).isEqualTo(-0.0);
        assertThat(m.get("whole")).isEqualTo(3.0);
        assertThat(m.get("control")).isEqualTo(document().get("control"));
        assertThat(m.get("unicode")).isEqualTo(document().get("unicode"));
        assertThat(m).containsKey("null").containsEntry("null", null);
    }
}
