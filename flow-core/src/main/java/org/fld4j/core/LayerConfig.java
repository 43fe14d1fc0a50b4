package org.fld4j.core;

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

    public int getInt(String key) {
        return Math.toIntExact(getLong(key));
    }

    public long getLong(String key) {
        Object v = required(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not an integer: " + v);
    }

    public double getDouble(String key) {
        Object v = required(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not a number: " + v);
    }

    public boolean getBoolean(String key) {
        Object v = required(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("layer '" + type + "' attribute '" + key + "' is not a boolean: " + v);
    }

    public String getString(String key) {
        return String.valueOf(required(key));
    }

    public int[] getIntArray(String key) {
        List<?> list = list(key);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact(((Number) list.get(i)).longValue());
        }
        return out;
    }

    public long[] getLongArray(String key) {
        List<?> list = list(key);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).longValue();
        }
        return out;
    }

    public double[] getDoubleArray(String key) {
        List<?> list = list(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
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
