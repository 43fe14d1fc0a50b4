package org.fld4j.io.array;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes an ND4J array as an NPY file (format version 1.0, C order), atomically and never over an existing file
 * unless {@link NpyWriteOptions#overwrite()} allows it.
 *
 * <p>Example: {@code NpyWriter.write(Path.of("batch.npy"), images, NpyWriteOptions.of(NpyDtype.UINT8))} writes a
 * {@code [N, C, H, W]} array of 0..255 integers as {@code |u1}, readable by {@code numpy.load}.
 */
public final class NpyWriter {

    private NpyWriter() {
    }

    /**
     * Writes {@code array} to {@code target}.
     *
     * @throws IllegalArgumentException           if {@code options.dtype()} is UINT8 and a value is not an integer in
     *                                            0..255 (nothing is written then)
     * @throws java.nio.file.FileAlreadyExistsException if the target exists and overwriting was not allowed
     * @throws IOException                        if writing fails; the target is then unchanged
     */
    public static void write(Path target, INDArray array, NpyWriteOptions options) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(options, "options");
        double[] values = flatten(array);
        long[] shape = array.shape();
        checkValues(values, options.dtype());
        AtomicFileWriter.write(target, options.overwrite(), out -> writeNpy(out, shape, values, options));
    }

    /** The array's values in C order. */
    static double[] flatten(INDArray array) {
        if (array.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array has " + array.length() + " elements; at most "
                    + (Integer.MAX_VALUE - 8) + " can be written at once");
        }
        if (array.length() == 0) {
            return new double[0];
        }
        return array.dup('c').reshape('c', new long[] {array.length()}).toDoubleVector();
    }

    static void checkValues(double[] values, NpyDtype dtype) {
        if (dtype != NpyDtype.UINT8) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v <= 255) || v != Math.rint(v)) {
                throw new IllegalArgumentException("value " + v + " at flat position " + i
                        + " cannot be written as uint8 (integers 0..255 only)");
            }
        }
    }

    /** Writes header and data of one NPY file to {@code out}; the values must already be checked. */
    static void writeNpy(OutputStream out, long[] shape, double[] values, NpyWriteOptions options)
            throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        buffered.write(NpyHeader.format(options.dtype(), options.order(), Arrays.copyOf(shape, shape.length)));
        int item = options.dtype().itemSize();
        ByteBuffer chunk = ByteBuffer.allocate(8192 * item).order(options.order());
        for (double v : values) {
            switch (options.dtype()) {
                case UINT8 -> chunk.put((byte) (int) v);
                case FLOAT32 -> chunk.putFloat((float) v);
                case FLOAT64 -> chunk.putDouble(v);
            }
            if (!chunk.hasRemaining()) {
                buffered.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
        }
        buffered.write(chunk.array(), 0, chunk.position());
        buffered.flush();
    }
}
