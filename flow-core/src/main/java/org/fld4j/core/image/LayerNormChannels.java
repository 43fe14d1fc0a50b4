package org.fld4j.core.image;

import java.util.List;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layer normalisation over the channels of each pixel of an NCHW tensor:
 * {@code y = (x - mean_c) / sqrt(var_c + 1e-5) * gamma + beta}, with the biased variance, and
 * per-channel {@code gamma} (initially 1) and {@code beta} (initially 0), as in the reference.
 */
final class LayerNormChannels {

    private static final double EPS = 1e-5;
    /** The pixel dimensions of NCHW, along which per-pixel statistics are broadcast. */
    private static final int[] PIXEL_DIMS = {0, 2, 3};

    private final int channels;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGrad;
    private INDArray betaGrad;

    LayerNormChannels(int channels, DataType dataType) {
        this.channels = channels;
        this.dataType = dataType;
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        return List.of(new ParameterSpec(prefix + "gamma", channels), new ParameterSpec(prefix + "beta", channels));
    }

    /** Takes gamma and beta from position {@code offset}; returns the position after them. */
    int bind(List<INDArray> values, List<INDArray> grads, int offset) {
        gamma = values.get(offset);
        beta = values.get(offset + 1);
        gammaGrad = grads.get(offset);
        betaGrad = grads.get(offset + 1);
        return offset + 2;
    }

    void initialize() {
        gamma.assign(1);
        beta.assign(0);
    }

    private INDArray full(String name, INDArray like) {
        return buffers.get(name, dataType, like.shape());
    }

    private INDArray perPixel(String name, INDArray like) {
        return buffers.get(name, dataType, like.size(0), like.size(2), like.size(3));
    }

    /** {@code x [N, c, H, W] -> y}, an owned buffer kept until the next forward of that shape. */
    INDArray forward(INDArray x) {
        INDArray mean = perPixel("mean", x);
        INDArray rstd = perPixel("rstd", x);
        INDArray normalized = full("normalized", x);
        INDArray out = full("out", x);
        Nd4j.exec(new Mean(x, mean, 1));
        Nd4j.exec(new Variance(x, rstd, false, 1));
        rstd.addi(EPS);
        Nd4j.exec(new RSqrt(rstd, rstd));
        Nd4j.exec(new BroadcastSubOp(x, mean, normalized, PIXEL_DIMS));
        Nd4j.exec(new BroadcastMulOp(normalized, rstd, normalized, PIXEL_DIMS));
        Nd4j.exec(new BroadcastMulOp(normalized, gamma, out, 1));
        Nd4j.exec(new BroadcastAddOp(out, beta, out, 1));
        return out;
    }

    /**
     * Adds the gamma and beta gradients and returns {@code dL/dx} (owned buffer). With
     * {@code xh} the normalised input and {@code gh = g gamma}:
     * {@code dL/dx = rstd (gh - mean_c(gh) - xh mean_c(gh xh))}.
     */
    INDArray backward(INDArray gradOutput) {
        INDArray normalized = full("normalized", gradOutput);
        INDArray rstd = perPixel("rstd", gradOutput);
        INDArray product = full("product", gradOutput);
        INDArray gradInput = full("gradInput", gradOutput);
        INDArray channelSum = buffers.get("channelSum", dataType, channels);
        INDArray meanGrad = perPixel("meanGrad", gradOutput);
        INDArray meanProduct = perPixel("meanProduct", gradOutput);

        Nd4j.exec(new Sum(gradOutput, channelSum, PIXEL_DIMS));
        betaGrad.addi(channelSum);
        Nd4j.exec(new MulOp(gradOutput, normalized, product));
        Nd4j.exec(new Sum(product, channelSum, PIXEL_DIMS));
        gammaGrad.addi(channelSum);

        Nd4j.exec(new BroadcastMulOp(gradOutput, gamma, gradInput, 1));
        Nd4j.exec(new BroadcastMulOp(product, gamma, product, 1));
        Nd4j.exec(new Mean(gradInput, meanGrad, 1));
        Nd4j.exec(new Mean(product, meanProduct, 1));
        Nd4j.exec(new BroadcastSubOp(gradInput, meanGrad, gradInput, PIXEL_DIMS));
        Nd4j.exec(new BroadcastMulOp(normalized, meanProduct, product, PIXEL_DIMS));
        Nd4j.exec(new SubOp(gradInput, product, gradInput));
        Nd4j.exec(new BroadcastMulOp(gradInput, rstd, gradInput, PIXEL_DIMS));
        return gradInput;
    }
}
