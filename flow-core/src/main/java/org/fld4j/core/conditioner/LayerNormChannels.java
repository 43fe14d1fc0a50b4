package org.fld4j.core.conditioner;

import java.util.List;
import org.fld4j.core.internal.kernel.GateNormKernels;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.internal.kernel.LayerNormKernels;
import org.fld4j.core.internal.kernel.Planar;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layer normalisation over the channels of each pixel of a planar tensor:
 * {@code y = (x - mean_c) / sqrt(var_c + 1e-5) * gamma + beta}, with the biased variance, and
 * per-channel {@code gamma} (initially 1) and {@code beta} (initially 0), as in the reference.
 *
 * <p>Each pass is one call of {@link LayerNormKernels}: in float32 one fused pass, otherwise ND4J's ops with
 * channel means as products with a row of ones (GEMM). Parameter gradients are products with a column
 * of ones that accumulate straight into the gradient views.
 */
final class LayerNormChannels implements WorkArrays {

    private static final double EPS = 1e-5;

    private final int channels;
    private final Scratch scratch;
    private final PlanarBuffers buffers;
    /** {@code [1, c]} of ones: {@code ones x M / c} is the row of channel means of {@code M}. */
    private final INDArray channelOnes;
    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGrad;
    private INDArray betaGrad;

    /** {@code role}: this layer's place in its network, for sharing buffers while evaluating. */
    LayerNormChannels(int channels, Scratch scratch, String role) {
        this.channels = channels;
        this.scratch = scratch;
        buffers = scratch.layerBuffers(role);
        channelOnes = Nd4j.ones(scratch.dataType(), 1, channels);
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        return List.of(new ParameterSpec(prefix + "gamma", channels), new ParameterSpec(prefix + "beta", channels));
    }

    /** Takes gamma and beta from position {@code offset}; returns the position after them. */
    int bind(List<INDArray> values, List<INDArray> grads, int offset) {
        gamma = Planar.matrix(values.get(offset), channels, 1);
        beta = Planar.matrix(values.get(offset + 1), channels, 1);
        gammaGrad = Planar.matrix(grads.get(offset), channels, 1);
        betaGrad = Planar.matrix(grads.get(offset + 1), channels, 1);
        return offset + 2;
    }

    void initialize() {
        gamma.assign(1);
        beta.assign(0);
    }

    private INDArray full(String name, Geometry g) {
        return scratch.layerData(buffers.get(name, channels, g), g);
    }

    private INDArray perPixel(String name, Geometry g) {
        return buffers.get(name, 1, g);
    }

    /** {@code x [c, P] -> y}, an owned buffer kept until the next forward of that geometry. */
    INDArray forward(INDArray x, Geometry g) {
        INDArray rstd = perPixel("rstd", g);
        INDArray normalized = full("normalized", g);
        INDArray out = full("out", g);
        LayerNormKernels.forward(x, gamma, beta, EPS, normalized, rstd, out, channelOnes, scratch.fusedKernels(),
                (name, rows) -> scratch.shared(name, rows, g));
        return out;
    }

    /**
     * {@code LayerNorm(x + (val + b) sigmoid(gate + b'))}, a gated block's gate and this layer in one pass
     * ({@link GateNormKernels}) that keeps nothing for a backward pass: for a network that evaluates pixel-major.
     * Returns this layer's output buffer, as {@link #forward} does.
     */
    INDArray forwardAfterGate(INDArray val, INDArray gate, INDArray bias, INDArray x, Geometry g) {
        INDArray out = full("out", g);
        GateNormKernels.forward(val, gate, bias, x, gamma, beta, (float) EPS, out);
        return out;
    }

    /**
     * Adds the gamma and beta gradients and returns {@code dL/dx} (a network-shared buffer that lasts
     * until the next LayerNorm backward). With {@code xh} the
     * normalised input and {@code gh = g gamma}: {@code dL/dx = rstd (gh - mean_c(gh) - xh mean_c(gh xh))}.
     */
    INDArray backward(INDArray gradOutput, Geometry g) {
        INDArray normalized = full("normalized", g);
        INDArray rstd = perPixel("rstd", g);
        INDArray product = scratch.shared("norm.product", channels, g);
        INDArray gradInput = scratch.shared("norm.gradInput", channels, g);
        INDArray ones = scratch.ones(g.pixels());
        Nd4j.gemm(gradOutput, ones, betaGrad, false, false, 1.0, 1.0);
        LayerNormKernels.backward(gradOutput, normalized, rstd, gamma, product, gradInput, gammaGrad, ones, channelOnes,
                scratch.fusedKernels(), (name, rows) -> scratch.shared(name, rows, g));
        return gradInput;
    }

    /** Frees the kept normalised values; the row of ones is a constant of the layer and stays. */
    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
