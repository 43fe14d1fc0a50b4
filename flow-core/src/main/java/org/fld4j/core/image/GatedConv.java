package org.fld4j.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The residual gated block of the reference network: ConcatELU, conv3x3 ({@code 2c -> c}), ConcatELU,
 * conv1x1 ({@code 2c -> 2c}), split into {@code val} (first c channels) and {@code gate} (last c),
 * and {@code y = x + val * sigmoid(gate)}.
 */
final class GatedConv {

    private final int channels;
    private final DataType dataType;
    private final ConcatElu inputElu;
    private final Conv2d conv;
    private final ConcatElu hiddenElu;
    private final Conv2d gateConv;
    private final BufferCache buffers = new BufferCache();

    GatedConv(int channels, DataType dataType) {
        this.channels = channels;
        this.dataType = dataType;
        inputElu = new ConcatElu(channels, dataType);
        conv = new Conv2d(2 * channels, channels, 3, dataType);
        hiddenElu = new ConcatElu(channels, dataType);
        gateConv = new Conv2d(2 * channels, 2 * channels, 1, dataType);
    }

    static long parameterCount(int channels) {
        return Conv2d.parameterCount(2 * channels, channels, 3) + Conv2d.parameterCount(2 * channels, 2 * channels, 1);
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        List<ParameterSpec> specs = new ArrayList<>(conv.parameterSpecs(prefix + "conv."));
        specs.addAll(gateConv.parameterSpecs(prefix + "gate."));
        return specs;
    }

    /** Takes this block's views from position {@code offset}; returns the position after them. */
    int bind(List<INDArray> values, List<INDArray> grads, int offset) {
        return gateConv.bind(values, grads, conv.bind(values, grads, offset));
    }

    void initialize(RandomGenerator random) {
        conv.initialize(random);
        gateConv.initialize(random);
    }

    private INDArray buffer(String name, int bufferChannels, INDArray like) {
        return buffers.get(name, dataType, like.size(0), bufferChannels, like.size(2), like.size(3));
    }

    /** {@code x [N, c, H, W] -> y}, an owned buffer kept until the next forward of that shape. */
    INDArray forward(INDArray x) {
        INDArray hidden = buffer("hidden", channels, x);
        conv.forward(inputElu.forward(x), hidden);
        INDArray gates = buffer("gates", 2 * channels, x);
        gateConv.forward(hiddenElu.forward(hidden), gates);
        INDArray sigmoid = buffer("sigmoid", channels, x);
        Nd4j.exec(new Sigmoid(Channels.slice(gates, channels, channels), sigmoid));
        INDArray out = buffer("out", channels, x);
        Nd4j.exec(new MulOp(Channels.slice(gates, 0, channels), sigmoid, out));
        Nd4j.exec(new AddOp(out, x, out));
        return out;
    }

    /** Adds the parameter gradients and returns {@code dL/dx} (owned buffer). */
    INDArray backward(INDArray gradOutput) {
        INDArray gates = buffer("gates", 2 * channels, gradOutput);
        INDArray sigmoid = buffer("sigmoid", channels, gradOutput);
        INDArray gradGates = buffer("gradGates", 2 * channels, gradOutput);
        INDArray gradGateValue = buffer("gradGateValue", channels, gradOutput);
        // d/dval = g sigmoid(gate); d/dgate = g val sigmoid'(gate).
        Nd4j.exec(new MulOp(gradOutput, sigmoid, Channels.slice(gradGates, 0, channels)));
        Nd4j.exec(new MulOp(gradOutput, Channels.slice(gates, 0, channels), gradGateValue));
        Nd4j.exec(new SigmoidDerivative(Channels.slice(gates, channels, channels), gradGateValue,
                Channels.slice(gradGates, channels, channels)));

        INDArray gradHiddenElu = buffer("gradHiddenElu", 2 * channels, gradOutput);
        gateConv.backward(hiddenElu.output(gradOutput), gradGates, gradHiddenElu);
        INDArray gradHidden = hiddenElu.backward(gradHiddenElu, null);
        INDArray gradInputElu = buffer("gradInputElu", 2 * channels, gradOutput);
        conv.backward(inputElu.output(gradOutput), gradHidden, gradInputElu);
        // The residual path adds gradOutput itself.
        return inputElu.backward(gradInputElu, gradOutput);
    }
}
