package org.fld4j.core.conditioner;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.internal.backend.NativeCallEvent;
import org.fld4j.core.internal.kernel.GemmSlots;
import org.fld4j.core.internal.kernel.SmallFloatKernels;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected network {@code in -> hidden... -> out} with an activation after every hidden
 * layer and a linear, zero-initialised output layer (so a fresh coupling is the identity).
 *
 * <p>Weights are {@code [fanIn, fanOut]} so that a batch {@code h [N, fanIn]} maps to {@code h W + b}.
 * Hidden layers start from the uniform {@code ±1/sqrt(fanIn)} initialisation (PyTorch's default for
 * linear layers), which keeps activations of order one.
 */
public final class MlpConditioner implements Conditioner {

    private final int[] widths;
    private final Activation activation;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    /** Per layer l: slot l the forward GEMM, L + l the weight gradient's, 2L + l the input gradient's. */
    private final GemmSlots gemms;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGrads;
    private final INDArray[] biasGrads;
    /** The input of the last forward, needed for the first layer's weight gradient. */
    private INDArray lastInput;
    /** The output of the last forward. */
    private INDArray lastOutput;

    /**
     * @param inputSize  features in
     * @param hidden     widths of the hidden layers (may be empty: a single linear map)
     * @param outputSize features out
     */
    public MlpConditioner(int inputSize, int[] hidden, int outputSize, Activation activation, DataType dataType) {
        widths = new int[hidden.length + 2];
        widths[0] = inputSize;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = outputSize;
        this.activation = activation;
        this.dataType = dataType;
        int layers = widths.length - 1;
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        weightGrads = new INDArray[layers];
        biasGrads = new INDArray[layers];
        gemms = new GemmSlots(3 * layers);
    }

    private int layerCount() {
        return widths.length - 1;
    }

    /** Parameter specs, prefixed with {@code prefix}: w0, b0, w1, b1, ... */
    public List<ParameterSpec> parameterSpecs(String prefix) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int l = 0; l < layerCount(); l++) {
            specs.add(new ParameterSpec(prefix + "w" + l, widths[l], widths[l + 1]));
            specs.add(new ParameterSpec(prefix + "b" + l, 1, widths[l + 1]));
        }
        return specs;
    }

    /** Takes the views for this network from position {@code offset} of the layer's lists. */
    public void bind(List<INDArray> values, List<INDArray> grads, int offset) {
        for (int l = 0; l < layerCount(); l++) {
            weights[l] = values.get(offset + 2 * l);
            biases[l] = values.get(offset + 2 * l + 1);
            weightGrads[l] = grads.get(offset + 2 * l);
            biasGrads[l] = grads.get(offset + 2 * l + 1);
        }
    }

    /** Uniform ±1/sqrt(fanIn) for hidden layers, zeros for the output layer. */
    public void initialize(RandomGenerator random) {
        for (int l = 0; l < layerCount(); l++) {
            if (l == layerCount() - 1) {
                weights[l].assign(0);
                biases[l].assign(0);
            } else {
                double bound = 1.0 / Math.sqrt(widths[l]);
                LayerInit.uniform(weights[l], -bound, bound, random);
                LayerInit.uniform(biases[l], -bound, bound, random);
            }
        }
    }

    /** Output [N, outputSize]; owned by this network until the next forward of that batch size. */
    public INDArray forward(INDArray input) {
        long n = input.size(0);
        lastInput = input;
        INDArray h = input;
        for (int l = 0; l < layerCount(); l++) {
            INDArray pre = buffers.get("pre" + l, dataType, n, widths[l + 1]);
            NativeCallEvent event = NativeCallEvent.start();
            gemms.gemm(l, h, weights[l], pre, false, false, 1.0, 0.0);
            event.end("gemm", 0, false);
            if (l == layerCount() - 1) {
                SmallFloatKernels.addBias(pre, biases[l], false, null);
                lastOutput = pre;
                return pre;
            }
            INDArray act = buffers.get("act" + l, dataType, n, widths[l + 1]);
            if (activation == Activation.RELU) {
                SmallFloatKernels.addBias(pre, biases[l], true, act);
            } else {
                SmallFloatKernels.addBias(pre, biases[l], false, null);
                activation.forward(pre, act);
            }
            h = act;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The output of the most recent {@link #forward}. */
    public INDArray lastOutput() {
        requireForward();
        return lastOutput;
    }

    /** Backward reads what the last forward kept; after a release nothing is kept. */
    private void requireForward() {
        if (lastOutput == null) {
            throw new IllegalStateException("no forward pass since the work arrays were created or released");
        }
    }

    /**
     * Back-propagates {@code gradOutput} [N, outputSize] through the last forward of this batch
     * size; adds the parameter gradients and returns {@code dL/dinput} [N, inputSize].
     */
    public INDArray backward(INDArray gradOutput) {
        requireForward();
        long n = gradOutput.size(0);
        INDArray g = gradOutput;
        for (int l = layerCount() - 1; l >= 0; l--) {
            INDArray layerInput = l == 0 ? lastInput : buffers.get("act" + (l - 1), dataType, n, widths[l]);
            // X^T G into its own buffer, then added: libnd4j's GEMM that accumulates (beta 1) took 1.3-2.3x as
            // long as one that overwrites. Added to zeroed gradients the values are the same, to the bit.
            INDArray weightGrad = buffers.get("wgrad" + l, dataType, widths[l], widths[l + 1]);
            NativeCallEvent event = NativeCallEvent.start();
            gemms.gemm(layerCount() + l, layerInput, g, weightGrad, true, false, 1.0, 0.0);
            event.end("gemm", 0, true);
            SmallFloatKernels.addInto(weightGrads[l], weightGrad);
            INDArray colSum = buffers.get("colsum" + l, dataType, widths[l + 1]);
            Tensors.sumOverBatch(g, colSum);
            SmallFloatKernels.addInto(biasGrads[l], colSum);
            INDArray gradInput = buffers.get("gin" + l, dataType, n, widths[l]);
            event = NativeCallEvent.start();
            gemms.gemm(2 * layerCount() + l, g, weights[l], gradInput, false, true, 1.0, 0.0);
            event.end("gemm", 0, true);
            if (l > 0) {
                INDArray gradPre = buffers.get("gpre" + (l - 1), dataType, n, widths[l]);
                activation.backward(buffers.get("pre" + (l - 1), dataType, n, widths[l]), gradInput, gradPre);
                g = gradPre;
            } else {
                return gradInput;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Frees the activations and gradient scratch. The kept input and output are forgotten too: they
     * are a buffer of the caller and one of these, and backward must not read either after this.
     */
    @Override
    public void releaseWorkArrays() {
        gemms.release();
        buffers.release();
        lastInput = null;
        lastOutput = null;
    }
}
