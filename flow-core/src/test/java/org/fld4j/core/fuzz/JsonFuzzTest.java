package org.fld4j.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.fld4j.core.internal.persist.Json;

/**
 * The JSON reader under random text: strings drawn from JSON's own characters (so that most are nearly JSON),
 * deep nesting, and mutations of a real document. It parses or throws {@link IllegalArgumentException} with the
 * position; never a StackOverflowError or any other exception.
 */
@Tag("fuzz")
class JsonFuzzTest {

    private static final String DOCUMENT = Json.write(Map.of("format", "fld4j-flow", "formatVersion", 1,
            "sampleShape", List.of(1, 28, 28), "layers", List.of(Map.of("type", "squeeze", "attributes",
                    Map.of("x", -1.5e-3, "y", true, "z", "a\"b\\c\u00e9")))));

    @Provide
    Arbitrary<String> nearlyJson() {
        return Arbitraries.strings().withChars("{}[]\":,.-+eE0123456789 truefalsnl\\u\n\t").ofMaxLength(200);
    }

    @Property(tries = 2000, seed = "16")
    void nearlyJsonParsesOrIsRefusedWithAPosition(@ForAll("nearlyJson") String text) {
        parseOrRefuse(text);
    }

    @Property(tries = 50, seed = "16")
    void deepNestingIsRefusedNotOverflowed(@ForAll("depths") int depth, @ForAll("openers") String opener) {
        boolean array = opener.equals("[");
        String text = (array ? "[" : "{\"k\": ").repeat(depth) + (array ? "" : "1") + (array ? "]" : "}").repeat(depth);
        Object parsed = parseOrRefuse(text);
        assertThat(parsed == null).as("refused when nested %d deep", depth).isEqualTo(depth > Json.MAX_DEPTH);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 200), Arbitraries.of(100_000, 300_000));
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of("[", "{");
    }

    @Property(tries = 1000, seed = "16")
    void mutatedDocumentsParseOrAreRefused(@ForAll("positions") int at, @ForAll("nearlyJson") String insert,
                                           @ForAll("positions") int cut) {
        int p = Math.floorMod(at, DOCUMENT.length());
        String text = DOCUMENT.substring(0, p) + insert + DOCUMENT.substring(p);
        parseOrRefuse(text.substring(0, Math.floorMod(cut, text.length() + 1)));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers();
    }

    /** The parsed value, or null when the text was refused as it should be. */
    private static Object parseOrRefuse(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        } catch (Throwable t) {
            return fail("JSON of " + text.length() + " characters broke the reader with " + t, t);
        }
    }
}
