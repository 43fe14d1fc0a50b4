package org.fld4j.core.internal.persist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * JSON for flow descriptions and other small documents, read and written with Jackson: objects as ordered maps,
 * arrays as lists, strings, numbers, booleans and null. Integers read as {@link Long}, other numbers as
 * {@link Double}; doubles (and floats, widened) are written with {@link Double#toString}, which round-trips exactly.
 * The text is laid out as fld4j has always written it, so files stay byte for byte what they were: two-space
 * indents, {@code "key": value}, arrays of scalars on one line, control characters as lower-case {@code \}{@code u}
 * escapes, a newline at the end.
 */
public final class Json {

    /**
     * The deepest nesting of objects and arrays {@link #parse} accepts. The documents fld4j writes nest at most a
     * dozen levels (a multi-scale flow's split layers hold their inner layers' configs); 64 leaves room for deep
     * flows while a hostile document nested hundreds of thousands deep is refused with a message.
     */
    public static final int MAX_DEPTH = 64;

    /**
     * The longest text (in characters) {@link #parse} accepts, and the longest string or name in it: 64 Mi
     * characters, the size of the largest entry a reference file may hold (the names and log-likelihoods of its
     * held-out images). Callers reading from files bound the bytes they read first; this bounds what a caller handing
     * in a string can make the parser build.
     */
    public static final int MAX_CHARS = 64 << 20;

    /** The most digits a number {@link #parse} accepts may have; the longest fld4j writes has 20. */
    public static final int MAX_NUMBER_CHARS = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_CHARS).maxStringLength(MAX_CHARS).maxNameLength(MAX_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS).build())
            .build())
            .enable(DeserializationFeature.USE_LONG_FOR_INTS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * The JSON text of {@code value}: a Map, List, String, Number, Boolean, primitive array or null, nested freely;
     * non-finite numbers throw an {@link IllegalArgumentException}.
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.setPrettyPrinter(new Layout()).setCharacterEscapes(ESCAPES);
            MAPPER.writeValue(new FiniteNumbers(g), value);
        } catch (IOException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException refused) {
                    throw refused;
                }
            }
            throw new IllegalArgumentException("JSON cannot hold the value: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    /** Parses one JSON value; throws {@link IllegalArgumentException} with the position on bad input. */
    public static Object parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("JSON text of " + text.length() + " characters is longer than the "
                    + MAX_CHARS + " this reader accepts");
        }
        JsonParser parser = null;
        try (JsonParser p = MAPPER.createParser(text)) {
            parser = p;
            return MAPPER.readValue(p, Object.class);
        } catch (IOException e) {
            long at = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getCharOffset() : -1;
            at = at >= 0 || parser == null ? at : parser.currentLocation().getCharOffset();
            String what = e instanceof StreamConstraintsException && parser != null
                    && parser.getParsingContext().getNestingDepth() > MAX_DEPTH
                    ? "nested deeper than " + MAX_DEPTH + " levels"
                    : e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("malformed JSON at character " + Math.max(at, 0) + ": " + what, e);
        }
    }

    /** Control characters as {@code \}{@code u00xx} (lower case), but for {@code \n}, {@code \r} and {@code \t}. */
    private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private final int[] codes = standardAsciiEscapesForJSON();

        {
            for (int c = 0; c < 0x20; c++) {
                codes[c] = c == '\n' || c == '\r' || c == '\t' ? codes[c] : ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c < 0x20 ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    };

    /** Refuses non-finite numbers, and writes floats as the doubles they are. */
    private static final class FiniteNumbers extends JsonGeneratorDelegate {
        FiniteNumbers(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("JSON cannot hold the number " + v);
            }
            super.writeNumber(v);
        }

        @Override
        public void writeNumber(float v) throws IOException {
            writeNumber((double) v);
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }

    /**
     * fld4j's layout: objects one member per line, indented by two spaces a level; arrays on one line when they hold
     * no object or array, else one item per line; empty containers as {@code {}} and {@code []}.
     */
    private static final class Layout implements PrettyPrinter {
        /** Whether each open array is written on one line, innermost first. */
        private final Deque<Boolean> flat = new ArrayDeque<>();

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newLine(g, 0);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLine(g, 0);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (entries > 0) {
                newLine(g, -1);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            boolean scalars = !(g.currentValue() instanceof Collection<?> items)
                    || items.stream().noneMatch(v -> v instanceof Map || v instanceof Collection);
            flat.push(scalars);
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (!flat.peek()) {
                newLine(g, 0);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (flat.peek()) {
                g.writeRaw(' ');
            } else {
                newLine(g, 0);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (!flat.pop() && values > 0) {
                newLine(g, -1);
            }
            g.writeRaw(']');
        }

        /** A new line indented to the open container's level, or {@code shift} levels from it. */
        private static void newLine(JsonGenerator g, int shift) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(g.getOutputContext().getNestingDepth() + shift));
        }
    }
}
