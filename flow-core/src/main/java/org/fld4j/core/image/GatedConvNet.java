package org.fld4j.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The conditioner of the official FLD flow's couplings: conv3x3 (in to hidden), then
 * {@code blocks} x [{@link GatedConv}, {@link LayerNormChannels}], ConcatELU and a zero-initialised
 * conv3x3 (2 hidden to out), so that a fresh coupling is the identity. All convolutions keep the
 * spatial size. Forward and backward run over preallocated buffers; backward adds parameter
 * gradients into the bound views and returns the input gradient.
 */
public final class GatedConvNet {

    private final int inChannels;
    private final int hiddenChannels;
    private final int outChannels;
    private final DataType dataType;
    private final Conv2d input;
    private final List<GatedConv> gated = new ArrayList<>();
    private final List<LayerNormChannels> norms = new ArrayList<>();
    private final Conv2d output;
    private final BufferCache buffers = new BufferCache();
    private INDArray lastInput;
    private INDArray lastOutput;
    /** The input of every block (index b) and of the final ConcatELU (index blocks). */
    private final List<INDArray> blockInputs = new ArrayList<>();

    public GatedConvNet(int inChannels, int hiddenChannels, int outChannels, int blocks, DataType dataType) {
        if (inChannels < 1 || hiddenChannels < 1 || outChannels < 1 || blocks < 0) {
            throw new IllegalArgumentException("gated conv net needs positive channel counts and blocks >= 0, got in="
                    + inChannels + " hidden=" + hiddenChannels + " out=" + outChannels + " blocks=" + blocks);
        }
        this.inChannels = inChannels;
        this.hiddenChannels = hiddenChannels;
        this.outChannels = outChannels;
        this.dataType = dataType;
        this.input = new Conv2d(inChannels, hiddenChannels, 3, dataType);
        for (int b = 0; b < blocks; b++) {
            gated.add(new GatedConv(hiddenChannels, dataType));
            norms.add(new LayerNormChannels(hiddenChannels, dataType));
        }
        this.output = new Conv2d(2 * hiddenChannels, outChannels, 3, dataType);
    }

    /** {@code 9 in h + h + blocks (22 h^2 + 5 h) + 18 h out + out}. */
    public static long parameterCount(int inChannels, int hiddenChannels, int outChannels, int blocks) {
        return Conv2d.parameterCount(inChannels, hiddenChannels, 3)
                + blocks * (GatedConv.parameterCount(hiddenChannels) + 2L * hiddenChannels)
                + Conv2d.parameterCount(2 * hiddenChannels, outChannels, 3);
    }

    public List<ParameterSpec> parameterSpecs(String prefix) {
        List<ParameterSpec> specs = new ArrayList<>(input.parameterSpecs(prefix + "in."));
        for (int b = 0; b < gated.size(); b++) {
            specs.addAll(gated.get(b).parameterSpecs(prefix + "block" + b + "."));
            specs.addAll(norms.get(b).parameterSpecs(prefix + "norm" + b + "."));
        }
        specs.addAll(output.parameterSpecs(prefix + "out."));
        return specs;
    }

    public int parameterTensorCount() {
        return 4 + 6 * gated.size();
    }

    public void bind(List<INDArray> values, List<INDArray> grads, int offset) {
        input.bind(values, grads, offset);
        int o = offset + 2;
        for (int b = 0; b < gated.size(); b++) {
            gated.get(b).bind(values, grads, o);
            norms.get(b).bind(values, grads, o + 4);
            o += 6;
        }
        output.bind(values, grads, o);
    }

    public void initialize(RandomGenerator random) {
        input.initialize(random, false);
        for (int b = 0; b < gated.size(); b++) {
            gated.get(b).initialize(random);
            norms.get(b).initialize();
        }
        output.initialize(random, true);
    }

    /** [N, in, H, W] to [N, out, H, W]; the result is a buffer of this network. */
    public INDArray forward(INDArray x) {
        long n = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        lastInput = x;
        blockInputs.clear();
        INDArray state = input.forward(x, buffers.get("h0", dataType, n, hiddenChannels, h, w));
        for (int b = 0; b < gated.size(); b++) {
            blockInputs.add(state);
            INDArray gatedOut = gated.get(b).forward(state);
            state = norms.get(b).forward(gatedOut);
        }
        blockInputs.add(state);
        INDArray act = buffers.get("act", dataType, n, 2L * hiddenChannels, h, w);
        ConcatElu.forward(state, buffers.get("neg", dataType, n, hiddenChannels, h, w), act);
        lastOutput = output.forward(act, buffers.get("out", dataType, n, outChannels, h, w));
        return lastOutput;
    }

    /** The output of the most recent {@link #forward}. */
    public INDArray lastOutput() {
        return lastOutput;
    }

    /** Back-propagates through the last forward: adds parameter gradients, returns {@code dL/dx}. */
    public INDArray backward(INDArray gradOut) {
        long n = gradOut.size(0);
        long h = gradOut.size(2);
        long w = gradOut.size(3);
        INDArray act = buffers.get("act", dataType, n, 2L * hiddenChannels, h, w);
        INDArray gAct = output.backward(act, gradOut, buffers.get("b.gact", dataType, n, 2L * hiddenChannels, h, w));
        INDArray g = ConcatElu.backward(blockInputs.get(gated.size()), buffers.get("neg", dataType, n, hiddenChannels, h, w),
                gAct, buffers.get("b.s", dataType, n, hiddenChannels, h, w),
                buffers.get("b.gstate", dataType, n, hiddenChannels, h, w));
        for (int b = gated.size() - 1; b >= 0; b--) {
            INDArray gNorm = norms.get(b).backward(g);
            g = gated.get(b).backward(blockInputs.get(b), gNorm);
        }
        return input.backward(lastInput, g, buffers.get("b.gin", dataType, n, inChannels, h, w));
    }
}
