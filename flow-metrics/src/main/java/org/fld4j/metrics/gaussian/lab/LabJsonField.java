package org.fld4j.metrics.gaussian.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One value of a parsed lab JSON document together with the file and the field path that lead to it
 * (e.g. {@code rows[3].cross_entropy}), so that every reading error names both.
 */
final class LabJsonField {

    private final String file;
    private final String path;
    private final Object value;

    private LabJsonField(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    /** The whole document of {@code file}. */
    static LabJsonField root(String file, Object value) {
        return new LabJsonField(file, "", value);
    }

    /** An error about this field, naming the file and the field. */
    IllegalArgumentException error(String what) {
        return new LabJsonException(file + ": " + (path.isEmpty() ? "the document" : "field " + path) + ": "
                + what);
    }

    /** Whether the value is JSON null. */
    boolean isNull() {
        return value == null;
    }

    /** The member {@code name} of this object; an error when this is not an object or has no such member. */
    LabJsonField get(String name) {
        Map<?, ?> map = object();
        if (!map.containsKey(name)) {
            throw error("missing member \"" + name + "\"");
        }
        return new LabJsonField(file, child(name), map.get(name));
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The members of this object, in document order. */
    Map<String, LabJsonField> members() {
        Map<String, LabJsonField> out = new LinkedHashMap<>();
        object().forEach((k, v) -> out.put(String.valueOf(k), new LabJsonField(file, child(String.valueOf(k)), v)));
        return out;
    }

    private Map<?, ?> object() {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw error("expected an object, found " + describe());
    }

    /** The items of this array. */
    List<LabJsonField> items() {
        if (!(value instanceof List<?> list)) {
            throw error("expected an array, found " + describe());
        }
        List<LabJsonField> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new LabJsonField(file, path + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    /** The items of this array, which must have exactly {@code size} of them. */
    List<LabJsonField> items(int size) {
        List<LabJsonField> out = items();
        if (out.size() != size) {
            throw error("expected " + size + " items, found " + out.size());
        }
        return out;
    }

    /** A string. */
    String text() {
        if (value instanceof String s) {
            return s;
        }
        throw error("expected a string, found " + describe());
    }

    /** A number; never null. */
    double number() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw error("expected a number, found " + describe());
    }

    /** A number, or NaN where the writer wrote null for a value that was not finite. */
    double numberOrNaN() {
        return value == null ? Double.NaN : number();
    }

    /** An integer (written without a fraction). */
    long integer() {
        if (value instanceof Long l) {
            return l;
        }
        throw error("expected an integer, found " + describe());
    }

    /** An integer that fits an int. */
    int intValue() {
        long v = integer();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error("integer " + v + " is out of range");
        }
        return (int) v;
    }

    /** The numbers of this array, none null. */
    double[] numbers() {
        List<LabJsonField> items = items();
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).number();
        }
        return out;
    }

    /** The constant of {@code type} written in lower case, as the writer names enums. */
    <E extends Enum<E>> E constant(Class<E> type) {
        String name = text();
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(name)) {
                return e;
            }
        }
        throw error("\"" + name + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    private String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value instanceof Number ? "the number " + value : String.valueOf(value);
    }
}
