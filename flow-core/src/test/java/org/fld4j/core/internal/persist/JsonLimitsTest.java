package org.fld4j.core.internal.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {

    @Test
    void nestingUpToTheMaximumParsesOneLevelMoreIsRefused() {
        int max = Json.MAX_DEPTH;
        Object parsed = Json.parse("[".repeat(max) + "]".repeat(max));
        int depth = 0;
        for (Object o = parsed; o instanceof List<?> l; o = l.isEmpty() ? null : l.get(0)) {
            depth++;
        }
        assertThat(depth).isEqualTo(max);
        assertThatThrownBy(() -> Json.parse("{\"a\": " + "[".repeat(max) + "]".repeat(max) + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested deeper than " + max);
        assertThatThrownBy(() -> Json.parse("[".repeat(200_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void aBadUnicodeEscapeIsAPositionedError() {
        assertThatThrownBy(() -> Json.parse("\"\\uZZZZ\"")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at character 3").hasMessageContaining("escape");
    }

    @Test
    void numbersBeyondALongOrTheLengthLimitAndTextAfterTheValueAreRefused() {
        assertThatThrownBy(() -> Json.parse("[99999999999999999999]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at character").hasMessageContaining("out of range");
        String longNumber = "1." + "1".repeat(Json.MAX_NUMBER_CHARS); // digits counted: MAX_NUMBER_CHARS + 1
        assertThatThrownBy(() -> Json.parse("[" + longNumber + "]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at character").hasMessageContaining("Number value length");
        assertThat(Json.parse("[" + longNumber.substring(0, Json.MAX_NUMBER_CHARS + 1) + "]"))
                .isEqualTo(List.of(1.1111111111111112));
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at character 3");
        assertThatThrownBy(() -> Json.parse("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON at character 0");
        assertThatThrownBy(() -> Json.parse("[NaN]")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.parse("[1, -0, 2.5, 1e3, true, null, \"\\u00e9\"]"))
                .isEqualTo(java.util.Arrays.asList(1L, 0L, 2.5, 1000.0, true, null, "\u00e9"));
    }

    @Test
    void textLongerThanTheLimitIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> Json.parse(" ".repeat(Json.MAX_CHARS + 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the " + Json.MAX_CHARS);
    }

    @Test
    void nonFiniteNumbersAreNotWritten() {
        assertThatThrownBy(() -> Json.write(java.util.Map.of("x", List.of(1.0, Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("JSON cannot hold the number NaN");
        assertThatThrownBy(() -> Json.write(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("JSON cannot hold the number Infinity");
        assertThatThrownBy(() -> Json.write(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.write(new double[] {1.5, 0.1f})).isEqualTo("[1.5, 0.10000000149011612]\n");
        assertThat(Json.write(new long[] {})).isEqualTo("[]\n");
    }

    @Test
    void fieldsNameThemselvesAndWhatTheyHold() {
        JsonFields f = JsonFields.of(Json.parse("{\"v\": 1.9, \"big\": 4294967297, \"s\": \"x\", \"o\": {\"n\": [1]},"
                + " \"inf\": 1e400}"), "doc");
        assertThatThrownBy(() -> f.intValue("v", 0, Integer.MAX_VALUE)).hasMessage("field 'v' holds 1.9, not an integer");
        assertThatThrownBy(() -> f.intValue("big", 0, Integer.MAX_VALUE))
                .hasMessage("field 'big' holds 4294967297, outside [0, 2147483647]");
        assertThatThrownBy(() -> f.integer("s", 0, 9)).hasMessage("field 's' holds \"x\", not an integer");
        assertThatThrownBy(() -> f.object("o").string("n")).hasMessage("field 'o.n' holds a list of 1 values, not a string");
        assertThatThrownBy(() -> f.object("o").bool("m")).hasMessage("field 'o.m' is missing");
        assertThatThrownBy(() -> f.number("inf")).hasMessage("field 'inf' holds Infinity, not a finite number");
        assertThatThrownBy(() -> JsonFields.of(List.of(), "doc")).hasMessage("doc is a list of 0 values, not a JSON object");
        assertThat(f.number("v")).isEqualTo(1.9);
    }
}
