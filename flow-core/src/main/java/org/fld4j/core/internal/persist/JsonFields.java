package org.fld4j.core.internal.persist;

import java.util.List;
import java.util.Map;

/**
 * Typed, checked access to the fields of a parsed JSON object ({@link Json#parse}): each accessor names the field
 * (with its path, e.g. {@code options.seed}) and what it holds when the field is missing or of the wrong kind, so a
 * hand-edited or hostile document gives a clear {@link IllegalArgumentException} rather than a
 * {@link NullPointerException} or {@link ClassCastException}. Integers must be JSON integers within the stated
 * range: {@code 1.9} or {@code 4294967297} for an {@code int} field is refused, never rounded or wrapped.
 */
public final class JsonFields {

    private final Map<?, ?> fields;
    private final String path;

    private JsonFields(Map<?, ?> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** The fields of {@code parsed}, which must be a JSON object; {@code what} names it in messages. */
    public static JsonFields of(Object parsed, String what) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is " + describe(parsed) + ", not a JSON object");
        }
        return new JsonFields(map, "");
    }

    /** Whether the field is present and not null. */
    public boolean has(String key) {
        return fields.get(key) != null;
    }

    /** The raw value of a field, null when it is absent. */
    public Object get(String key) {
        return fields.get(key);
    }

    /** A string field. */
    public String string(String key) {
        if (required(key) instanceof String s) {
            return s;
        }
        throw wrong(key, "a string");
    }

    /** An integer field within {@code [min, max]}. */
    public long integer(String key, long min, long max) {
        Object v = required(key);
        if (!(v instanceof Long n)) {
            throw wrong(key, "an integer");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("field '" + path + key + "' holds " + n + ", outside [" + min + ", "
                    + max + "]");
        }
        return n;
    }

    /** An integer field that must fit an {@code int}, within {@code [min, max]}. */
    public int intValue(String key, int min, int max) {
        return (int) integer(key, min, max);
    }

    /** A finite number field (integer or not). */
    public double number(String key) {
        Object v = required(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw wrong(key, "a finite number");
    }

    /** A boolean field. */
    public boolean bool(String key) {
        if (required(key) instanceof Boolean b) {
            return b;
        }
        throw wrong(key, "true or false");
    }

    /** A nested object field. */
    public JsonFields object(String key) {
        if (required(key) instanceof Map<?, ?> map) {
            return new JsonFields(map, path + key + ".");
        }
        throw wrong(key, "a JSON object");
    }

    /** A list field. */
    public List<?> list(String key) {
        if (required(key) instanceof List<?> list) {
            return list;
        }
        throw wrong(key, "a list");
    }

    /** The full name of a field of this object, for messages about its value. */
    public String name(String key) {
        return path + key;
    }

    private Object required(String key) {
        Object v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("field '" + path + key + "' is missing");
        }
        return v;
    }

    private IllegalArgumentException wrong(String key, String expected) {
        return new IllegalArgumentException("field '" + path + key + "' holds " + describe(fields.get(key))
                + ", not " + expected);
    }

    /** A short description of a JSON value for messages: scalars as written, containers by kind and size. */
    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof Map<?, ?> m) {
            return "an object of " + m.size() + " fields";
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size() + " values";
        }
        return String.valueOf(v);
    }
}
