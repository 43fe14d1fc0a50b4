package org.fld4j.core.image;

import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.fld4j.core.layer.LayerInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stride-1, same-size 2-D convolution over NCHW batches with bias, run by ND4J's native
 * {@code conv2d} and {@code conv2d_bp} ops into preallocated arrays. Weights are {@code [out, in, k, k]}.
 */
final class Conv2d {

    private final int in;
    private final int out;
    private final int kernel;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private INDArray weight;
    private INDArray bias;
    private INDArray weightGrad;
    private INDArray biasGrad;

    Conv2d(int in, int out, int kernel, DataType dataType) {
        if (kernel % 2 != 1) {
            throw new IllegalArgumentException("kernel must be odd for same-size output, got " + kernel);
        }
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.dataType = dataType;
    }

    static long parameterCount(int in, int out, int kernel) {
        return (long) out * in * kernel * kernel + out;
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        return List.of(new ParameterSpec(prefix + "w", out, in, kernel, kernel), new ParameterSpec(prefix + "b", out));
    }

    void bind(List<INDArray> values, List<INDArray> grads, int offset) {
        weight = values.get(offset);
        bias = values.get(offset + 1);
        weightGrad = grads.get(offset);
        biasGrad = grads.get(offset + 1);
    }

    /** PyTorch's default: weights and bias U(±1/sqrt(fanIn)); or zeros (an output layer). */
    void initialize(RandomGenerator random, boolean zero) {
        if (zero) {
            weight.assign(0);
            bias.assign(0);
            return;
        }
        double bound = 1.0 / Math.sqrt((double) in * kernel * kernel);
        LayerInit.uniform(weight, -bound, bound, random);
        LayerInit.uniform(bias, -bound, bound, random);
    }

    private int[] intArgs() {
        int pad = kernel / 2;
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off (explicit padding), NCHW, weights [oC, iC, kH, kW]
        return new int[] {kernel, kernel, 1, 1, pad, pad, 1, 1, 0, 0, 1};
    }

    /** {@code result = conv(x) + b}; result is [N, out, H, W], written in place. */
    INDArray forward(INDArray x, INDArray result) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(x, weight, bias)
                .addOutputs(result)
                .addIntegerArguments(intArgs())
                .build());
        return result;
    }

    /**
     * Back-propagates {@code gradOut} through the convolution of {@code x}: adds the weight and bias
     * gradients and writes {@code dL/dx} into {@code gradIn}.
     */
    INDArray backward(INDArray x, INDArray gradOut, INDArray gradIn) {
        INDArray gw = buffers.get("gw", dataType, weight.shape());
        INDArray gb = buffers.get("gb", dataType, bias.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(x, weight, bias, gradOut)
                .addOutputs(gradIn, gw, gb)
                .addIntegerArguments(intArgs())
                .build());
        weightGrad.addi(gw);
        biasGrad.addi(gb);
        return gradIn;
    }
}
