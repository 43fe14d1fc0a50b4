package org.fld4j.core.transform;

import org.fld4j.core.LayerRegistry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete, JSON-representable description of a layer apart from its trainable parameters:
 * enough to rebuild the layer with {@link LayerRegistry}. Attribute values are strings, numbers,
 * booleans, lists of those, or nested maps.
 *
 * @param type       the registered layer type, e.g. {@code "affine-coupling"}
 * @param attributes the layer's settings and non-trainable state, in a stable order
 */
public record LayerConfig(String type, Map<String, Object> attributes) {

    public LayerConfig {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("layer type must not be blank");
        }
        if (attributes == null) {
            throw new IllegalArgumentException("layer '" + type + "' has no attributes");
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Starts a config of the given type; add attributes with {@link Builder#put}. */
    public static Builder of(String type) {
        return new Builder(type);
    }

    private Object required(String key) {
        Object v = attributes.get(key);
        if (v == null) {
            throw new IllegalArgumentException("layer '" + type + "' has no attribute '" + key + "'");
        }
        return v;
    }

    /** An integer attribute that fits an {@code int}. */
    public int getInt(String key) {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' holds " + v
                    + ", too large for an int");
        }
        return (int) v;
    }

    /** An integer attribute: a whole number, never a fraction rounded or truncated. */
    public long getLong(String key) {
        return exactLong(required(key), key);
    }

    /** A finite number attribute. */
    public double getDouble(String key) {
        Object v = required(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not a finite number: "
                + v);
    }

    public boolean getBoolean(String key) {
        Object v = required(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not a boolean: " + v);
    }

    /** A string attribute; other values are refused rather than turned into text. */
    public String getString(String key) {
        Object v = required(key);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not a string: " + v);
    }

    /** An attribute naming a constant of {@code kind}, with the allowed names in the message when it names none. */
    public <E extends Enum<E>> E getEnum(String key, Class<E> kind) {
        String name = getString(key);
        for (E e : kind.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is '" + name
                + "', not one of " + java.util.Arrays.toString(kind.getEnumConstants()));
    }

    public int[] getIntArray(String key) {
        List<?> list = list(key);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            long v = exactLong(list.get(i), key);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' holds " + v
                        + ", too large for an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    public long[] getLongArray(String key) {
        List<?> list = list(key);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = exactLong(list.get(i), key);
        }
        return out;
    }

    public double[] getDoubleArray(String key) {
        List<?> list = list(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' holds "
                        + out[i] + ", not a finite number");
            }
        }
        return out;
    }

    /** An integral value: any integer type, or a double that holds a whole number exactly (|v| < 2^53). */
    private long exactLong(Object v, String key) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                return (long) d;
            }
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not an integer: " + v);
    }

    private List<?> list(String key) {
        Object v = required(key);
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Number)) {
                    throw new IllegalArgumentException("layer '" + type + "' attribute '" + key
                            + "' holds a non-number: " + o);
                }
            }
            return l;
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not a list: " + v);
    }

    /** Collects attributes in insertion order. */
    public static final class Builder {
        private final String type;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder put(String key, Object value) {
            attributes.put(key, normalise(value));
            return this;
        }

        private static Object normalise(Object value) {
            if (value instanceof int[] a) {
                return java.util.Arrays.stream(a).boxed().toList();
            }
            if (value instanceof long[] a) {
                return java.util.Arrays.stream(a).boxed().toList();
            }
            if (value instanceof double[] a) {
                return java.util.Arrays.stream(a).boxed().toList();
            }
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            return value;
        }

        public LayerConfig build() {
            return new LayerConfig(type, attributes);
        }
    }
}
