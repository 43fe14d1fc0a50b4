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
 * A stride-1 square convolution with "same" zero padding on NCHW tensors, run by ND4J's native
 * {@code conv2d} and {@code conv2d_bp} ops writing into preallocated arrays.
 *
 * <p>Weights are {@code [out, in, k, k]} and the bias {@code [out]}, PyTorch's layout, so that
 * parameters can be compared with (or imported from) the reference implementation as they are.
 */
final class Conv2d {

    /** libnd4j's weights-format argument for {@code [out, in, kH, kW]} (WeightsFormat.OIYX). */
    private static final int WEIGHTS_OIYX = 1;
    /** libnd4j's data-format argument for NCHW. */
    private static final int DATA_NCHW = 0;
    /** libnd4j's padding mode that takes the explicit padding arguments. */
    private static final int EXPLICIT_PADDING = 0;

    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final DataType dataType;
    private final int[] intArgs;
    private final BufferCache buffers = new BufferCache();
    private INDArray weight;
    private INDArray bias;
    private INDArray weightGrad;
    private INDArray biasGrad;

    Conv2d(int inChannels, int outChannels, int kernel, DataType dataType) {
        if (kernel % 2 != 1) {
            throw new IllegalArgumentException("same padding needs an odd kernel, got " + kernel);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.dataType = dataType;
        int pad = kernel / 2;
        intArgs = new int[] {kernel, kernel, 1, 1, pad, pad, 1, 1, EXPLICIT_PADDING, DATA_NCHW, WEIGHTS_OIYX};
    }

    static long parameterCount(int inChannels, int outChannels, int kernel) {
        return (long) outChannels * inChannels * kernel * kernel + outChannels;
    }

    int outChannels() {
        return outChannels;
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        return List.of(new ParameterSpec(prefix + "weight", outChannels, inChannels, kernel, kernel),
                new ParameterSpec(prefix + "bias", outChannels));
    }

    /** Takes weight and bias from position {@code offset}; returns the position after them. */
    int bind(List<INDArray> values, List<INDArray> grads, int offset) {
        weight = values.get(offset);
        bias = values.get(offset + 1);
        weightGrad = grads.get(offset);
        biasGrad = grads.get(offset + 1);
        return offset + 2;
    }

    /** PyTorch's default for Conv2d: weight and bias U(±1/sqrt(fanIn)), fanIn = in * k * k. */
    void initialize(RandomGenerator random) {
        double bound = 1.0 / Math.sqrt((double) inChannels * kernel * kernel);
        LayerInit.uniform(weight, -bound, bound, random);
        LayerInit.uniform(bias, -bound, bound, random);
    }

    void zero() {
        weight.assign(0);
        bias.assign(0);
    }

    /** {@code output [N, out, H, W] = conv(input [N, in, H, W])}. */
    void forward(INDArray input, INDArray output) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(input, weight, bias)
                .addOutputs(output)
                .addIntegerArguments(intArgs)
                .build());
    }

    /**
     * Writes {@code dL/dinput} into {@code gradInput} and adds the weight and bias gradients into the
     * bound gradient views. The op overwrites its outputs, hence the scratch arrays for the
     * parameter gradients.
     */
    void backward(INDArray input, INDArray gradOutput, INDArray gradInput) {
        INDArray weightScratch = buffers.get("gw", dataType, weight.shape());
        INDArray biasScratch = buffers.get("gb", dataType, outChannels);
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(input, weight, bias, gradOutput)
                .addOutputs(gradInput, weightScratch, biasScratch)
                .addIntegerArguments(intArgs)
                .build());
        weightGrad.addi(weightScratch);
        biasGrad.addi(biasScratch);
    }
}
