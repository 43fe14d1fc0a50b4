package org.fld4j.core.internal.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gated block's gate and the LayerNorm after it as one pass over pixel-major (NHWC) data, for a network that
 * evaluates: {@code out = LayerNorm(x + (val + b) sigmoid(gate + b'))}. A pass that no backward pass follows needs
 * neither the sigmoid nor the normalised values nor each pixel's {@code rstd}, and the gate's output goes straight
 * from the gate to the normalisation in the same chunk of heap rows, so of the two passes' five writes and reads of
 * {@code c} values a pixel between them, none is left. The float operations are those of {@link GateKernels#forward}
 * followed by {@link LayerNormKernels#forward}, on the same values in the same order: the same bits.
 */
public final class GateNormKernels {

    private GateNormKernels() {
    }

    /**
     * {@code out = (y - mean_c(y)) / sqrt(var_c(y) + eps) gamma + beta} with {@code y = x + (val + b) s} and
     * {@code s = sigmoid(gate + b')}, from the 1x1 convolution's output before its bias ({@code val} and
     * {@code gate}, c channels each; {@code bias}, {@code 2c} values, val's first). Every operand is pixel-major,
     * {@code x} and {@code out} with their c channels alone (an {@link IllegalArgumentException} otherwise).
     * {@code out} may be {@code x} itself, as for a network's second and later blocks: each chunk reads its pixels
     * of {@code x} before it writes them, and no chunk reads another's.
     */
    public static void forward(INDArray val, INDArray gate, INDArray bias, INDArray x, INDArray gamma, INDArray beta,
                               float eps, INDArray out) {
        int p = PixelRows.pixels(out);
        PixelRows v = PixelRows.of(val, p, "val");
        PixelRows gr = PixelRows.of(gate, p, "gate");
        PixelRows xr = PixelRows.of(x, p, "x");
        PixelRows o = PixelRows.of(out, p, "out");
        int c = o.rows();
        if (!(v.pixelMajor() && gr.pixelMajor() && xr.pixelMajor() && o.pixelMajor() && xr.pixelStride() == c
                && o.pixelStride() == c && v.rows() == c && gr.rows() == c && xr.rows() == c)) {
            throw new IllegalArgumentException("the gate and LayerNorm in one pass take pixel-major operands of " + c
                    + " channels, got val " + v.rows() + " every " + v.pixelStride() + ", gate " + gr.rows() + " every "
                    + gr.pixelStride() + ", x " + xr.rows() + " every " + xr.pixelStride() + ", out " + c + " every "
                    + o.pixelStride());
        }
        float[] biases = PixelRows.vector(bias, 2 * c);
        float[] gammas = PixelRows.vector(gamma, c);
        float[] betas = PixelRows.vector(beta, c);
        boolean pair = GateKernels.halvesOfOnePixel(val, gate, v, gr, c);
        int chunk = KernelThreads.chunk(GateKernels.pixelChunkFloats(v, gr, c) + c + 2);
        KernelThreads.forEachChunk(p, chunk, 4L * c * p, (from, n) -> {
            // Slots 0, 1, 3 and 4 are the gate's (GateKernels.gatePixelChunk).
            float[][] rows = KernelThreads.heap(2, 2, chunk * c);
            float[] y = rows[1];
            GateKernels.gatePixelChunk(v, gr, xr, biases, c, pair, chunk, from, n, rows[0], y);
            float[] ys = KernelThreads.heap(5, 1, chunk * c)[0];
            float[][] stats = KernelThreads.heap(6, 2, chunk);
            LayerNormKernels.layerNormPixels(y, ys, stats[0], stats[1], gammas, betas, eps, n, c);
            o.writePixels(from, n, ys);
        });
    }
}
