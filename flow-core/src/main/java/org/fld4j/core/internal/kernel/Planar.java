package org.fld4j.core.internal.kernel;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Planar tensors: the network's internal layout, a C-ordered matrix {@code [channels, N*H*W]}
 * (channels first, then the batch: CNHW).
 *
 * <p>In this layout a convolution is one matrix product over the whole batch, a channel range is a
 * contiguous block of rows (so splitting and concatenating channels costs nothing), and per-pixel
 * statistics are column reductions, which a matrix product with a vector of ones computes.
 * Per-channel and per-pixel broadcasts go through libnd4j's broadcasting arithmetic ops, which were
 * several times faster on these shapes than the legacy {@code Broadcast*Op} along dimension 0.
 */
public final class Planar {

    private Planar() {
    }

    /**
     * Rows {@code [from, from + count)} of a C-ordered matrix as a view that ND4J ops and GEMM can
     * write into. Built over the same buffer rather than with {@code INDArray.get}, which costs more
     * per call and which GEMM does not write through.
     */
    public static INDArray rows(INDArray matrix, long from, long count) {
        long columns = matrix.size(1);
        return Nd4j.create(matrix.data(), new long[] {count, columns}, new long[] {columns, 1},
                matrix.offset() + from * columns, 'c');
    }

    /** A C-ordered matrix view over a contiguous array (a parameter view, say), which GEMM can write through. */
    public static INDArray matrix(INDArray contiguous, long rows, long columns) {
        return Nd4j.create(contiguous.data(), new long[] {rows, columns}, new long[] {columns, 1},
                contiguous.offset(), 'c');
    }

    /**
     * The storage of a contiguous {@code [C, N*H*W]} buffer reinterpreted as a contiguous NCHW array
     * {@code [N, C, H, W]} (a view; the buffer then holds NCHW data, not planar data).
     */
    public static INDArray storageAsNchw(INDArray contiguous, Geometry g) {
        long plane = g.height() * g.width();
        long channels = contiguous.size(0);
        return Nd4j.create(contiguous.data(), new long[] {g.n(), channels, g.height(), g.width()},
                new long[] {channels * plane, plane, g.width(), 1}, contiguous.offset(), 'c');
    }

    /**
     * The storage of a contiguous {@code [C, N*H*W]} buffer reinterpreted as NHWC data {@code [N, H, W, C]} and
     * seen with NCHW's shape {@code [N, C, H, W]} (a strided view whose channel stride is 1): ND4J's ops take
     * it as any NCHW array, and its {@code permute(0, 2, 3, 1)} is the contiguous NHWC array.
     */
    public static INDArray storageAsNhwc(INDArray contiguous, Geometry g) {
        long channels = contiguous.size(0);
        if (channels == 1) {
            return storageAsNchw(contiguous, g);
        }
        return Nd4j.create(contiguous.data(), new long[] {g.n(), channels, g.height(), g.width()},
                new long[] {channels * g.height() * g.width(), 1, g.width() * channels, channels},
                contiguous.offset(), 'c');
    }

    /**
     * Whether {@code a} is a view made by {@link #storageAsNhwc} (of more than one channel: with one, NHWC and
     * NCHW are the same array).
     */
    public static boolean isNhwcView(INDArray a) {
        return isPixelMajorView(a) && a.size(1) > 1 && a.stride(3) == a.size(1);
    }

    /**
     * Whether {@code a} holds its pixels one after another with their channels side by side: a view made by
     * {@link #storageAsNhwc}, or a channel range of one ({@link #channels}), whose pixels lie further apart than
     * its own channels. One channel counts when its pixels are contiguous.
     */
    public static boolean isPixelMajorView(INDArray a) {
        if (a.rank() != 4 || a.stride(1) != 1 && a.size(1) > 1) {
            return false;
        }
        long pixelStride = a.stride(3);
        return pixelStride >= a.size(1) && a.stride(2) == a.size(3) * pixelStride
                && a.stride(0) == a.size(2) * a.stride(2);
    }

    /**
     * Channels {@code [from, from + count)} of the network's data: rows of a planar block, or, of a
     * {@link #storageAsNhwc} view, the view of those channels of every pixel (pixels keep their stride).
     */
    public static INDArray channels(INDArray data, long from, long count) {
        if (data.rank() == 2) {
            return rows(data, from, count);
        }
        if (!isNhwcView(data)) {
            throw new IllegalArgumentException("expected a planar block or an NHWC view, got shape "
                    + Arrays.toString(data.shape()) + " strides " + Arrays.toString(data.stride()));
        }
        return Nd4j.create(data.data(), new long[] {data.size(0), count, data.size(2), data.size(3)}, data.stride(),
                data.offset() + from, 'c');
    }

    /** The NHWC data behind a {@link #storageAsNhwc} view as the C-ordered matrix {@code [N*H*W, C]} (a view). */
    public static INDArray pixelMatrix(INDArray nhwcView) {
        long channels = nhwcView.size(1);
        return Nd4j.create(nhwcView.data(), new long[] {nhwcView.length() / channels, channels},
                new long[] {channels, 1}, nhwcView.offset(), 'c');
    }

    /** A planar matrix {@code [C, N*H*W]} seen as {@code [C, N, H, W]} (a view). */
    public static INDArray image(INDArray planar, Geometry g) {
        long[] shape = {planar.size(0), g.n(), g.height(), g.width()};
        return Nd4j.create(planar.data(), shape, new long[] {g.pixels(), g.height() * g.width(), g.width(), 1},
                planar.offset(), 'c');
    }

    /** {@code out = x + v}, with {@code v} of shape {@code [C, 1]} (per channel) or {@code [1, P]} (per pixel). */
    public static void add(INDArray x, INDArray v, INDArray out) {
        broadcast("add", x, v, out);
    }

    /** {@code out = x - v}, broadcasting {@code v} as in {@link #add}. */
    public static void subtract(INDArray x, INDArray v, INDArray out) {
        broadcast("subtract", x, v, out);
    }

    /** {@code out = x * v}, broadcasting {@code v} as in {@link #add}. */
    public static void multiply(INDArray x, INDArray v, INDArray out) {
        broadcast("multiply", x, v, out);
    }

    private static void broadcast(String op, INDArray x, INDArray v, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(x, v).addOutputs(out).build());
    }
}
