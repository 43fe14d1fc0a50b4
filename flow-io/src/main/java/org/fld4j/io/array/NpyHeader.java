package org.fld4j.io.array;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;

/**
 * The header of an NPY file (format versions 1.0, 2.0 and 3.0): element type, byte order, memory order and shape,
 * and where the data starts.
 *
 * <p>Layout of the format: the 6 bytes {@code \x93NUMPY}, a major and a minor version byte, the header length as a
 * little-endian unsigned 16-bit (version 1) or 32-bit (versions 2 and 3) integer, then that many bytes of a Python
 * dict literal such as {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 28, 28), }}, padded with spaces
 * and ending in a newline so that the data starts at a multiple of 64 bytes.
 *
 * @param dtype        element type
 * @param order        byte order of multi-byte elements
 * @param fortranOrder whether the first axis varies fastest (column-major) rather than the last
 * @param shape        the array's shape
 * @param dataOffset   where the data starts, in bytes from the beginning of the file
 */
public record NpyHeader(NpyDtype dtype, ByteOrder order, boolean fortranOrder, long[] shape, long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * The longest header (prelude and dict) read: 1 MiB. A real header is well under 1 KB (NumPy itself refuses to
     * load headers over 10,000 bytes unless told otherwise), so this only stops a length field that lies.
     */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    /** Validates and copies the shape. */
    public NpyHeader {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(order, "order");
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements: the product of the shape. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The number of data bytes the header declares. */
    public long dataBytes() {
        return Math.multiplyExact(elementCount(), dtype.itemSize());
    }

    /** The shape as NumPy prints it, e.g. {@code (2, 28, 28)}. */
    public String shapeText() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The number of bytes before the header dict ({@code 10} for version 1, {@code 12} for 2 and 3). */
    static int preludeLength(int majorVersion) {
        return majorVersion == 1 ? 10 : 12;
    }

    /**
     * Parses a header.
     *
     * @param name  the file name for messages
     * @param bytes at least the magic, version and length fields; {@link #requiredLength} says how much in total
     * @throws ImageInputException naming the file when the header is malformed or its type unsupported
     */
    static NpyHeader parse(String name, byte[] bytes, int length) {
        if (length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new ImageInputException(name, InputProblem.WRONG_MAGIC, "does not start with the NPY signature"
                    + " \\x93NUMPY");
        }
        int major = bytes[6] & 0xFF;
        if (major < 1 || major > 3) {
            throw new ImageInputException(name, InputProblem.UNSUPPORTED_DTYPE, "NPY format version " + major + "."
                    + (bytes[7] & 0xFF) + " is not supported (1.0 to 3.0 are)");
        }
        int prelude = preludeLength(major);
        if (length < prelude) {
            throw new ImageInputException(name, InputProblem.TRUNCATED, "NPY file ends inside its header");
        }
        long dictLength = major == 1 ? (bytes[8] & 0xFF) | ((bytes[9] & 0xFF) << 8)
                : (bytes[8] & 0xFFL) | ((bytes[9] & 0xFFL) << 8) | ((bytes[10] & 0xFFL) << 16)
                | ((bytes[11] & 0xFFL) << 24);
        if (prelude + dictLength > length) {
            throw new ImageInputException(name, InputProblem.TRUNCATED, "NPY header declares " + dictLength
                    + " bytes but the file ends after " + (length - prelude));
        }
        String dict = new String(bytes, prelude, (int) dictLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        String descr = stringValue(name, dict, "descr");
        NpyDtype dtype = NpyDtype.fromDescr(descr).orElseThrow(() -> new ImageInputException(name,
                InputProblem.UNSUPPORTED_DTYPE, "NPY element type '" + descr
                + "' is not supported; images must be uint8 (|u1), float32 (<f4, >f4) or float64 (<f8, >f8)"));
        boolean fortran = booleanValue(name, dict, "fortran_order");
        long[] shape = shapeValue(name, dict);
        return new NpyHeader(dtype, NpyDtype.orderOf(descr), fortran, shape, prelude + dictLength);
    }

    /** How many leading bytes {@link #parse} needs, given at least the first 12 bytes of the file. */
    static long requiredLength(byte[] first, int length) {
        if (length < 10) {
            return 10;
        }
        int major = first[6] & 0xFF;
        if (major == 1) {
            return 10 + ((first[8] & 0xFF) | ((first[9] & 0xFF) << 8));
        }
        if (length < 12) {
            return 12;
        }
        return 12 + ((first[8] & 0xFFL) | ((first[9] & 0xFFL) << 8) | ((first[10] & 0xFFL) << 16)
                | ((first[11] & 0xFFL) << 24));
    }

    /**
     * The bytes of a version 1.0 header (or 2.0 if the dict does not fit in 65535 bytes) for {@code dtype},
     * {@code shape} in C order, padded so that the data starts at a multiple of 64 bytes.
     */
    static byte[] format(NpyDtype dtype, ByteOrder order, long[] shape) {
        StringBuilder s = new StringBuilder();
        s.append("{'descr': '").append(dtype.descr(order)).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        s.append(shape.length == 1 ? ",), }" : "), }");
        int major = 1;
        int prelude = preludeLength(1);
        int dictLength = s.length() + 1; // + newline
        if (roundUp(prelude + dictLength) - prelude > 0xFFFF) {
            major = 2;
            prelude = preludeLength(2);
        }
        int total = (int) roundUp(prelude + dictLength);
        while (prelude + s.length() + 1 < total) {
            s.append(' ');
        }
        s.append('\n');
        byte[] dict = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[prelude + dict.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) major;
        out[7] = 0;
        out[8] = (byte) dict.length;
        out[9] = (byte) (dict.length >>> 8);
        if (major == 2) {
            out[10] = (byte) (dict.length >>> 16);
            out[11] = (byte) (dict.length >>> 24);
        }
        System.arraycopy(dict, 0, out, prelude, dict.length);
        return out;
    }

    private static long roundUp(long n) {
        return (n + 63) / 64 * 64;
    }

    private static int valueStart(String name, String dict, String key) {
        int at = -1;
        for (String quote : new String[] {"'", "\""}) {
            at = dict.indexOf(quote + key + quote);
            if (at >= 0) {
                at += key.length() + 2;
                break;
            }
        }
        if (at < 0) {
            throw malformed(name, "has no '" + key + "' entry: " + dict);
        }
        int colon = dict.indexOf(':', at);
        if (colon < 0) {
            throw malformed(name, "has no value for '" + key + "': " + dict);
        }
        int i = colon + 1;
        while (i < dict.length() && Character.isWhitespace(dict.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stringValue(String name, String dict, String key) {
        int i = valueStart(name, dict, key);
        if (i >= dict.length() || (dict.charAt(i) != '\'' && dict.charAt(i) != '"')) {
            // a list here means a structured type, which images never are
            throw new ImageInputException(name, InputProblem.UNSUPPORTED_DTYPE,
                    "NPY element type is not a simple type: " + dict);
        }
        char quote = dict.charAt(i);
        int end = dict.indexOf(quote, i + 1);
        if (end < 0) {
            throw malformed(name, "has an unterminated string for '" + key + "': " + dict);
        }
        return dict.substring(i + 1, end);
    }

    private static boolean booleanValue(String name, String dict, String key) {
        int i = valueStart(name, dict, key);
        if (dict.startsWith("True", i)) {
            return true;
        }
        if (dict.startsWith("False", i)) {
            return false;
        }
        throw malformed(name, "has no True/False value for '" + key + "': " + dict);
    }

    private static long[] shapeValue(String name, String dict) {
        int i = valueStart(name, dict, "shape");
        if (i >= dict.length() || dict.charAt(i) != '(') {
            throw malformed(name, "has no tuple for 'shape': " + dict);
        }
        int end = dict.indexOf(')', i);
        if (end < 0) {
            throw malformed(name, "has an unterminated 'shape' tuple: " + dict);
        }
        List<Long> dims = new ArrayList<>();
        for (String part : dict.substring(i + 1, end).split(",")) {
            String t = part.trim();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2 long literals
            }
            if (t.isEmpty()) {
                continue;
            }
            try {
                dims.add(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw malformed(name, "has a non-integer dimension '" + t + "' in its shape: " + dict);
            }
        }
        long[] shape = new long[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            shape[k] = dims.get(k);
            if (shape[k] < 0) {
                throw malformed(name, "has a negative dimension in its shape: " + dict);
            }
        }
        return shape;
    }

    private static ImageInputException malformed(String name, String detail) {
        return new ImageInputException(name, InputProblem.SHAPE_MISMATCH,
                "malformed NPY header: " + detail.replace("\n", ""));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && dtype == h.dtype && order.equals(h.order) && fortranOrder == h.fortranOrder
                && Arrays.equals(shape, h.shape) && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, order, fortranOrder, Arrays.hashCode(shape), dataOffset);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + dtype.descr(order) + ", fortran_order=" + fortranOrder + ", shape=" + shapeText() + "]";
    }
}
