package org.fld4j.core.internal.persist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes and reads a 1-D float32/float64 vector in NumPy's NPY format (version 1.0, little-endian),
 * the parameter store of a flow file; the bytes load in NumPy with {@code np.load}.
 */
public final class NpyVector {

    /**
     * The longest NPY header read: a version 1.0 header's length is a 16-bit field, and fld4j writes 64 bytes;
     * later versions allow 4 GiB of header, which no 1-D vector needs.
     */
    public static final int MAX_HEADER_BYTES = 10 + 0xFFFF;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=]?)([fi])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d*),?\\s*\\)");

    private NpyVector() {
    }

    public static byte[] write(INDArray vector) {
        DataType type = vector.dataType();
        int itemSize;
        String descr;
        if (type == DataType.FLOAT) {
            itemSize = 4;
            descr = "<f4";
        } else if (type == DataType.DOUBLE) {
            itemSize = 8;
            descr = "<f8";
        } else {
            throw new IllegalArgumentException("only FLOAT and DOUBLE vectors are stored, got " + type);
        }
        long n = vector.length();
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + n + ",), }";
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        header = header + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + Math.toIntExact(n * itemSize))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        if (type == DataType.FLOAT) {
            for (float f : vector.toFloatVector()) {
                out.putFloat(f);
            }
        } else {
            for (double d : vector.toDoubleVector()) {
                out.putDouble(d);
            }
        }
        return out.array();
    }

    /** A trained flow's parameters are finite: NaN or infinity means a diverged run or a corrupt file. */
    private static void requireFinite(double value, int index) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter " + index + " is " + value
                    + " (a flow's parameters must be finite numbers)");
        }
    }

    /** Parses an NPY vector of finite values; {@link IllegalArgumentException} says what is wrong with the bytes. */
    public static INDArray read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new IllegalArgumentException("NPY data is truncated (" + bytes.length + " bytes)");
        }
        for (byte b : MAGIC) {
            if (in.get() != b) {
                throw new IllegalArgumentException("not NPY data (bad magic bytes)");
            }
        }
        int major = in.get();
        in.get();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort());
        } else if (major == 2 || major == 3) {
            headerLength = in.getInt();
        } else {
            throw new IllegalArgumentException("unsupported NPY version " + major);
        }
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES - 12) {
            throw new IllegalArgumentException("NPY header of " + Integer.toUnsignedString(headerLength)
                    + " bytes is longer than the " + (MAX_HEADER_BYTES - 12) + " a vector needs");
        }
        if (in.remaining() < headerLength) {
            throw new IllegalArgumentException("NPY header is truncated");
        }
        byte[] headerBytes = new byte[headerLength];
        in.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IllegalArgumentException("NPY header is not a 1-D array header: " + header.trim());
        }
        String order = descr.group(1);
        String kind = descr.group(2);
        int size = Integer.parseInt(descr.group(3));
        if (!kind.equals("f") || (size != 4 && size != 8)) {
            throw new IllegalArgumentException("NPY dtype must be float32 or float64, got " + descr.group(0));
        }
        if (order.equals(">")) {
            in.order(ByteOrder.BIG_ENDIAN);
        }
        if (shape.group(1).isEmpty()) {
            throw new IllegalArgumentException("NPY array is not 1-D");
        }
        if (shape.group(1).length() > 12) {
            throw new IllegalArgumentException("NPY shape (" + shape.group(1) + ",) is larger than the data");
        }
        long n = Long.parseLong(shape.group(1));
        if (in.remaining() != n * size) {
            throw new IllegalArgumentException("NPY data is truncated or padded: expected " + n * size
                    + " bytes of values, found " + in.remaining());
        }
        if (size == 4) {
            float[] values = new float[Math.toIntExact(n)];
            in.asFloatBuffer().get(values);
            for (int i = 0; i < values.length; i++) {
                requireFinite(values[i], i);
            }
            return Nd4j.createFromArray(values);
        }
        double[] values = new double[Math.toIntExact(n)];
        in.asDoubleBuffer().get(values);
        for (int i = 0; i < values.length; i++) {
            requireFinite(values[i], i);
        }
        return Nd4j.createFromArray(values);
    }
}
