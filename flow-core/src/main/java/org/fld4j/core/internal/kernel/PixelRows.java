package org.fld4j.core.internal.kernel;

import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 operand as rows of pixels: a planar row block {@code [rows, P]} with contiguous rows,
 * a contiguous NCHW array {@code [N, rows, H, W]} (the convolutions' layout), whose row r is
 * then N pieces of H*W values, one per image, or an NHWC array seen as NCHW ({@link Planar#storageAsNhwc}),
 * whose pixels hold their {@code rows} channels side by side ({@code interleaved}), {@code pixelStride} apart
 * (more than {@code rows} for a channel range of a wider array, {@link Planar#channels}).
 *
 * <p>{@code owner} is the array behind {@code buffer}: the buffer does not keep the array's native memory alive,
 * and ND4J frees it once the array is unreachable, which a caller's temporary array can become while a kernel
 * still copies from it. Every copy therefore ends with a reachability fence on the owner.
 */
record PixelRows(INDArray owner, FloatBuffer buffer, int offset, int rowStride, int plane, int imageStride, int rows,
                 boolean interleaved, int pixelStride) {

    static PixelRows of(INDArray a, long pixels, String what) {
        boolean planar = a.rank() == 2 && a.size(1) == pixels && a.stride(1) == 1;
        boolean nchw = a.rank() == 4 && a.size(0) * a.size(2) * a.size(3) == pixels
                && a.stride(3) == 1 && a.stride(2) == a.size(3) && a.stride(1) == a.size(2) * a.size(3)
                && a.stride(0) == a.size(1) * a.stride(1);
        boolean nhwc = !planar && !nchw && Planar.isPixelMajorView(a);
        if (a.dataType() != DataType.FLOAT || !(planar || nchw || nhwc) || a.offset() + a.length() > Integer.MAX_VALUE
                || planar && a.offset() + (a.size(0) - 1) * a.stride(0) + pixels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a float32 row block [rows, " + pixels
                    + "] or a contiguous NCHW or NHWC array of " + pixels + " pixels for " + what + ", got " + a.dataType()
                    + " " + Arrays.toString(a.shape()) + " strides " + Arrays.toString(a.stride()));
        }
        FloatBuffer buffer = a.data().asNioFloat();
        if (planar) {
            return new PixelRows(a, buffer, (int) a.offset(), (int) a.stride(0), (int) pixels, 0, (int) a.size(0), false, 1);
        }
        if (nhwc) {
            return new PixelRows(a, buffer, (int) a.offset(), 1, (int) pixels, 0, (int) a.size(1), true, (int) a.stride(3));
        }
        return new PixelRows(a, buffer, (int) a.offset(), (int) a.stride(1), (int) (a.size(2) * a.size(3)),
                (int) a.stride(0), (int) a.size(1), false, 1);
    }

    /** A chunk of interleaved (NHWC) values, transposed to or from the rows in the cache. */
    private static float[] interleavedChunk(int length) {
        return KernelThreads.heap(KernelThreads.INTERLEAVED_SLOT, 1, length)[0];
    }

    /**
     * Whether the operand's pixels hold their channels side by side, so that a kernel can take a chunk of pixels as
     * one run of values ({@link #readPixels}) instead of as rows.
     */
    boolean pixelMajor() {
        // One row is pixel-major when its pixels are contiguous: a planar row, or an NCHW array of one channel.
        return interleaved || rows == 1 && (imageStride == 0 || imageStride == plane);
    }

    /**
     * Copies pixels {@code [from, from + length)} as they lie, {@code pixelStride} values each (their channels, and
     * for a channel range the channels between), into {@code to} ({@link #pixelMajor} operands only).
     */
    void readPixels(int from, int length, float[] to) {
        readPixels(from, length, to, spanOf(length));
    }

    /** {@link #readPixels} of {@code values} values from the chunk's first pixel on (a span that may run past it). */
    void readPixels(int from, int length, float[] to, int values) {
        buffer.get(offset + from * pixelStride, to, 0, values);
        Reference.reachabilityFence(owner);
    }

    /** Writes pixels {@code [from, from + length)} of a {@link #pixelMajor} operand whose pixels are its channels alone. */
    void writePixels(int from, int length, float[] values) {
        if (pixelStride != rows) {
            throw new IllegalStateException("a channel range is written row by row");
        }
        buffer.put(offset + from * pixelStride, values, 0, length * rows);
        Reference.reachabilityFence(owner);
    }

    /** The values that {@code length} pixels span, from the first pixel's first channel to the last one's last. */
    int spanOf(int length) {
        return length == 0 ? 0 : (length - 1) * pixelStride + rows;
    }

    /** Copies pixels {@code [from, from + length)} of every row r into {@code to[r]}. */
    void read(int from, int length, float[][] to) {
        if (interleaved) {
            // One bulk copy of the chunk's pixels, then the transpose in the cache.
            float[] chunk = interleavedChunk(spanOf(length));
            readPixels(from, length, chunk);
            for (int r = 0; r < rows; r++) {
                float[] row = to[r];
                for (int j = 0, k = r; j < length; j++, k += pixelStride) {
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
        Reference.reachabilityFence(owner);
    }

    void write(int from, int length, float[][] values) {
        if (interleaved) {
            if (pixelStride != rows) {
                throw new IllegalStateException("a channel range of pixel-major data is not written through its rows");
            }
            float[] chunk = interleavedChunk(length * rows);
            for (int r = 0; r < rows; r++) {
                float[] row = values[r];
                for (int j = 0, k = r; j < length; j++, k += rows) {
                    chunk[k] = row[j];
                }
            }
            buffer.put(offset + from * rows, chunk, 0, length * rows);
            Reference.reachabilityFence(owner);
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
        Reference.reachabilityFence(owner);
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
            Reference.reachabilityFence(v);
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = v.getFloat(i);
            }
        }
        return out;
    }
}
