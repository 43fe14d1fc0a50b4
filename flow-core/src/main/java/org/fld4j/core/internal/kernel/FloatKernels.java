package org.fld4j.core.internal.kernel;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Where the fused float32 kernels apply, and why they exist. The elementwise work of the gated
 * network's float32 path runs each chain fused into one pass over the tensors ({@link EluKernels},
 * {@link GateKernels}, {@link LayerNormKernels}; threads and chunks in {@code KernelThreads}, operand
 * layouts in {@code PixelRows}): ConcatELU (forward and backward), the gate {@code x + (val + b) sigmoid(gate + b')} with the
 * 1x1 convolution's bias (forward and backward), and the LayerNorm over channels (forward and backward).
 *
 * <p>Why in Java: each of these chains was 2 to 12 ND4J ops, every one a full pass over a
 * {@code [c, N*H*W]} tensor (several MB at 28x28) with a fixed cost on top, and libnd4j's exponentials
 * are slow on these natives. Here the tensors are walked in chunks of pixels: each chunk of every operand
 * row is copied into a heap array (bulk copies), the whole chain runs on those with loops that the JIT
 * vectorises, and the results are copied back; the chunks are split over ND4J's thread count. A chunk's
 * arrays stay in the core's cache, so a chain costs about one read of its inputs and one write of its
 * outputs. Every operand row gets its own heap array and every inner loop indexes all its arrays alike,
 * and loop bodies stay short: two rows of one array at different offsets, or a long body, kept C2
 * (JDK 17) from vectorising a loop, which then ran 5-7x slower. The exponential is
 * {@link FloatMath#negativeExpm1}. Sums over pixels that become parameter gradients stay matrix products with a
 * column of ones.
 *
 * <p>Operands are float32 planar row blocks {@code [rows, N*H*W]} with contiguous rows (the layout of
 * {@link Planar#rows}) or contiguous NCHW arrays (the 3x3 convolutions' layout, see
 * the conditioners' shared convolution data). The float64 path keeps ND4J's ops: it is the one checked against
 * finite differences, and the float32 kernels are tested against it.
 */
public final class FloatKernels {

    private FloatKernels() {
    }

    /** Whether the kernels apply to tensors of this type (float32 only). */
    public static boolean supports(DataType type) {
        return type == DataType.FLOAT;
    }
}
