package org.fld4j.core.image;

import java.util.List;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layer normalisation over the channels of each pixel:
 * {@code y = (x - mean_c) / sqrt(var_c + 1e-5) * gamma + beta} with the biased variance, gamma
 * initially 1 and beta 0.
 */
final class LayerNormChannels {

    static final double EPSILON = 1e-5;

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

    void bind(List<INDArray> values, List<INDArray> grads, int offset) {
        gamma = values.get(offset);
        beta = values.get(offset + 1);
        gammaGrad = grads.get(offset);
        betaGrad = grads.get(offset + 1);
    }

    void initialize() {
        gamma.assign(1);
        beta.assign(0);
    }

    private long[] pixelShape(INDArray x) {
        return new long[] {x.size(0), x.size(2), x.size(3)};
    }

    /** Returns y (a buffer of this layer); keeps the normalised input and 1/std for backward. */
    INDArray forward(INDArray x) {
        long[] s = x.shape();
        long[] pixels = pixelShape(x);
        INDArray mean = buffers.get("mean", dataType, pixels);
        Nd4j.exec(new Mean(x, mean, 1));
        INDArray xhat = buffers.get("xhat", dataType, s);
        Broadcast.sub(x, mean, xhat, 0, 2, 3);
        INDArray sq = buffers.get("sq", dataType, s);
        sq.assign(xhat).muli(xhat);
        INDArray rstd = buffers.get("rstd", dataType, pixels);
        Nd4j.exec(new Mean(sq, rstd, 1));
        rstd.addi(EPSILON);
        Nd4j.exec(new RSqrt(rstd, rstd));
        Broadcast.mul(xhat, rstd, xhat, 0, 2, 3);
        INDArray y = buffers.get("y", dataType, s);
        Broadcast.mul(xhat, gamma, y, 1);
        Broadcast.add(y, beta, y, 1);
        return y;
    }

    /** Adds the gamma and beta gradients and returns {@code dL/dx} (a buffer of this layer). */
    INDArray backward(INDArray gradOut) {
        long[] s = gradOut.shape();
        long[] pixels = new long[] {s[0], s[2], s[3]};
        INDArray xhat = buffers.get("xhat", dataType, s);
        INDArray rstd = buffers.get("rstd", dataType, pixels);
        INDArray tmp = buffers.get("b.tmp", dataType, s);
        INDArray perChannel = buffers.get("b.c", dataType, channels);
        tmp.assign(gradOut).muli(xhat);
        Nd4j.exec(new Sum(tmp, perChannel, 0, 2, 3));
        gammaGrad.addi(perChannel);
        Nd4j.exec(new Sum(gradOut, perChannel, 0, 2, 3));
        betaGrad.addi(perChannel);
        // g = dL/dxhat; dL/dx = rstd (g - mean_c(g) - xhat mean_c(g xhat)).
        INDArray g = buffers.get("b.g", dataType, s);
        Broadcast.mul(gradOut, gamma, g, 1);
        INDArray meanG = buffers.get("b.meang", dataType, pixels);
        Nd4j.exec(new Mean(g, meanG, 1));
        tmp.assign(g).muli(xhat);
        INDArray meanGx = buffers.get("b.meangx", dataType, pixels);
        Nd4j.exec(new Mean(tmp, meanGx, 1));
        INDArray gx = buffers.get("b.gx", dataType, s);
        Broadcast.mul(xhat, meanGx, gx, 0, 2, 3);
        gx.rsubi(g);
        Broadcast.sub(gx, meanG, gx, 0, 2, 3);
        Broadcast.mul(gx, rstd, gx, 0, 2, 3);
        return gx;
    }
}
