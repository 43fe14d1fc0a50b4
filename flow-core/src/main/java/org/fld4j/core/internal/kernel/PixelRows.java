package org.fld4j.core.internal.kernel;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 operand as rows of pixels: a planar row block {@code [rows, P]} with contiguous rows,
 * a contiguous NCHW array {@code [N, rows, H, W]} (the convolutions' layout), whose row r is
 * then N pieces of H*W values, one per image, or an NHWC array seen as NCHW ({@link Planar#storageAsNhwc}),
 * whose pixels hold their {@code rows} channels side by side ({@code interleaved}).
 */
record PixelRows(FloatBuffer buffer, int offset, int rowStride, int plane, int imageStride, int rows,
                 boolean interleaved) {

    static PixelRows of(INDArray a, long pixels, String what) {
        boolean planar = a.rank() == 2 && a.size(1) == pixels && a.stride(1) == 1;
        boolean nchw = a.rank() == 4 && a.size(0) * a.size(2) * a.size(3) == pixels
                && a.stride(3) == 1 && a.stride(2) == a.size(3) && a.stride(1) == a.size(2) * a.size(3)
                && a.stride(0) == a.size(1) * a.stride(1);
        boolean nhwc = Planar.isNhwcView(a);
        if (a.dataType() != DataType.FLOAT || !(planar || nchw || nhwc) || a.offset() + a.length() > Integer.MAX_VALUE
                || planar && a.offset() + (a.size(0) - 1) * a.stride(0) + pixels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a float32 row block [rows, " + pixels
                    + "] or a contiguous NCHW or NHWC array of " + pixels + " pixels for " + what + ", got " + a.dataType()
                    + " " + Arrays.toString(a.shape()) + " strides " + Arrays.toString(a.stride()));
        }
        FloatBuffer buffer = a.data().asNioFloat();
        if (planar) {
            return new PixelRows(buffer, (int) a.offset(), (int) a.stride(0), (int) pixels, 0, (int) a.size(0), false);
        }
        if (nhwc) {
            return new PixelRows(buffer, (int) a.offset(), 1, (int) pixels, 0, (int) a.size(1), true);
        }
        return new PixelRows(buffer, (int) a.offset(), (int) a.stride(1), (int) (a.size(2) * a.size(3)),
                (int) a.stride(0), (int) a.size(1), false);
    }

    /** A chunk of interleaved (NHWC) values, transposed to or from the rows in the cache. */
    private static float[] interleavedChunk(int length) {
        return KernelThreads.heap(KernelThreads.INTERLEAVED_SLOT, 1, length)[0];
    }

    /** Copies pixels {@code [from, from + length)} of every row r into {@code to[r]}. */
    void read(int from, int length, float[][] to) {
        if (interleaved) {
            // One bulk copy of the chunk's pixels, then the transpose in the cache.
            float[] chunk = interleavedChunk(length * rows);
            buffer.get(offset + from * rows, chunk, 0, length * rows);
            for (int r = 0; r < rows; r++) {
                float[] row = to[r];
                for (int j = 0, k = r; j < length; j++, k += rows) {
                    row[j] = chunk[k];
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int base = offset + r * rowStride;
            for (int p = from; p < from + length; ) {
                int image = p / plane;
                int within = p - image * plane;
                int run = Math.min(plane - within, from + length - p);
                buffer.get(base + image * imageStride + within, to[r], p - from, run);
                p += run;
            }
        }
    }

    void write(int from, int length, float[][] values) {
        if (interleaved) {
            float[] chunk = interleavedChunk(length * rows);
            for (int r = 0; r < rows; r++) {
                float[] row = values[r];
                for (int j = 0, k = r; j < length; j++, k += rows) {
                    chunk[k] = row[j];
                }
            }
            buffer.put(offset + from * rows, chunk, 0, length * rows);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int base = offset + r * rowStride;
            for (int p = from; p < from + length; ) {
                int image = p / plane;
                int within = p - image * plane;
                int run = Math.min(plane - within, from + length - p);
                buffer.put(base + image * imageStride + within, values[r], p - from, run);
                p += run;
            }
        }
    }

    /** N*H*W of a planar {@code [rows, N*H*W]} or an NCHW operand. */
    static int pixels(INDArray a) {
        return Math.toIntExact(a.rank() == 4 ? a.size(0) * a.size(2) * a.size(3) : a.size(1));
    }

    static float[] vector(INDArray v, int length) {
        if (v.length() != length) {
            throw new IllegalArgumentException("expected " + length + " values, got " + v.length());
        }
        float[] out = new float[length];
        if (v.dataType() == DataType.FLOAT && (length == 1 || v.elementWiseStride() == 1)) {
            v.data().asNioFloat().get((int) v.offset(), out, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = v.getFloat(i);
            }
        }
        return out;
    }
}
