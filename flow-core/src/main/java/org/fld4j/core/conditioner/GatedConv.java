package org.fld4j.core.conditioner;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.internal.kernel.GateKernels;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.internal.kernel.Planar;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The residual gated block of the reference network: ConcatELU, conv3x3 ({@code 2c -> c}), ConcatELU,
 * conv1x1 ({@code 2c -> 2c}), split into {@code val} (first c channels) and {@code gate} (last c),
 * and {@code y = x + val * sigmoid(gate)}. Its tensors are planar row blocks {@code [c, N*H*W]}, except that
 * the 3x3 convolution's input and output stay contiguous NCHW arrays where oneDNN convolves them
 * ({@link Scratch#nchwConvolutionData}); the kernels take either layout.
 */
final class GatedConv implements WorkArrays {

    private final int channels;
    private final ConcatElu inputElu;
    private final Conv2d conv;
    private final ConcatElu hiddenElu;
    private final Conv2d gateConv;
    private final PlanarBuffers buffers;
    private final Scratch scratch;

    /** {@code role}: this block's place in its network, for sharing buffers while evaluating. */
    GatedConv(int channels, Scratch scratch, String role) {
        this.channels = channels;
        buffers = scratch.layerBuffers(role);
        this.scratch = scratch;
        inputElu = new ConcatElu(channels, scratch, true);
        conv = new Conv2d(2 * channels, channels, 3, scratch);
        hiddenElu = new ConcatElu(channels, scratch, false);
        gateConv = new Conv2d(2 * channels, 2 * channels, 1, scratch);
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

    private INDArray buffer(String name, int rows, Geometry g) {
        return scratch.layerData(buffers.get(name, rows, g), g);
    }

    /** {@code x [c, P] -> y}, an owned buffer kept until the next forward of that geometry. */
    INDArray forward(INDArray x, Geometry g) {
        INDArray gates = gates(x, g);
        INDArray sigmoid = buffer("sigmoid", channels, g);
        INDArray out = buffer("out", channels, g);
        GateKernels.forward(val(gates), gate(gates), gateConv.biasVector(), x, sigmoid, out, scratch.fusedKernels());
        return out;
    }

    /**
     * {@code norm}'s output for this block's output, {@code x [c, P] -> norm(y)}, in one pass after the 1x1
     * convolution ({@link LayerNormChannels#forwardAfterGate}): only while the network evaluates pixel-major
     * ({@link Scratch#pixelMajorEvaluation}), when no backward pass reads what the two passes would keep.
     */
    INDArray forwardNormalized(INDArray x, Geometry g, LayerNormChannels norm) {
        INDArray gates = gates(x, g);
        return norm.forwardAfterGate(val(gates), gate(gates), gateConv.biasVector(), x, g);
    }

    /** The 1x1 convolution's output before its bias, {@code [2c, P]}: the values' c channels, then the gates'. */
    private INDArray gates(INDArray x, Geometry g) {
        INDArray hidden = hiddenElu.input(g);
        conv.forward(inputElu.forward(x, g), g, hidden);
        INDArray gates = buffer("gates", 2 * channels, g);
        // The bias is the gate's to add: fused, that saves a pass over the 1x1 convolution's output.
        gateConv.forwardWithoutBias(hiddenElu.forward(hidden, g), g, gates);
        return gates;
    }

    private INDArray val(INDArray gates) {
        return scratch.views().of(gates, "val", a -> Planar.channels(a, 0, channels));
    }

    private INDArray gate(INDArray gates) {
        return scratch.views().of(gates, "gate", a -> Planar.channels(a, channels, channels));
    }

    /** Adds the parameter gradients and returns {@code dL/dx} (a buffer of {@link ConcatElu#backward}). */
    INDArray backward(INDArray gradOutput, Geometry g) {
        INDArray gates = buffer("gates", 2 * channels, g);
        INDArray sigmoid = buffer("sigmoid", channels, g);
        INDArray gradGates = scratch.shared("gated.gradGates", 2L * channels, g);
        INDArray val = Planar.rows(gates, 0, channels);
        INDArray gradVal = Planar.rows(gradGates, 0, channels);
        INDArray gradGate = Planar.rows(gradGates, channels, channels);
        GateKernels.backward(gradOutput, sigmoid, val, gateConv.biasVector(), gradVal, gradGate, scratch.fusedKernels(),
                (name, rows) -> scratch.shared(name, rows, g));

        INDArray gradHidden = scratch.shared("gated.gradHidden", 2L * channels, g);
        gateConv.backward(hiddenElu.output(g), gradGates, g, gradHidden);
        INDArray gradConv = hiddenElu.backward(gradHidden, g, null);
        INDArray gradInputElu = scratch.sharedConvolutionData("gated.gradInputElu", 2L * channels, g);
        conv.backward(inputElu.output(g), gradConv, g, gradInputElu);
        // The residual path adds gradOutput itself.
        return inputElu.backward(gradInputElu, g, gradOutput);
    }

    /** Frees this block's arrays and its parts'; the network's shared scratch is its owner's to free. */
    @Override
    public void releaseWorkArrays() {
        inputElu.releaseWorkArrays();
        conv.releaseWorkArrays();
        hiddenElu.releaseWorkArrays();
        gateConv.releaseWorkArrays();
        buffers.release();
    }
}
