package org.fld4j.core.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The convolutional conditioner of the official FLD flow (the UvA tutorial's {@code GatedConvNet}):
 * conv3x3 ({@code in -> hidden}), {@code blocks} x [gated residual block, channel LayerNorm],
 * ConcatELU, conv3x3 ({@code 2 hidden -> out}), all with "same" zero padding on NCHW tensors of any
 * height and width.
 *
 * <p>The gated block is ConcatELU, conv3x3 ({@code 2h -> h}), ConcatELU, conv1x1 ({@code 2h -> 2h}),
 * then {@code x + val * sigmoid(gate)} with {@code val} the first and {@code gate} the last h
 * channels; ConcatELU is {@code [ELU(x), ELU(-x)]} along the channels; the LayerNorm normalises each
 * pixel over its channels with the biased variance and epsilon 1e-5.
 *
 * <p>Parameters follow PyTorch's layout and default initialisation (convolution weights
 * {@code [out, in, k, k]} and biases U(±1/sqrt(in k k)), LayerNorm gamma 1 and beta 0) except the
 * output convolution, which starts at zero so that a fresh coupling is the identity.
 *
 * <p>Like {@link org.fld4j.core.layer.MlpConditioner}, the network works on views bound by its owner
 * and on buffers it keeps per input shape: after the first call for a shape, a forward and backward
 * allocate no tensors. Convolutions run in ND4J's native ops; the backward pass is hand-written.
 * Not thread-safe.
 */
public final class GatedConvNet {

    /** The default number of gated blocks, as in the reference. */
    public static final int DEFAULT_BLOCKS = 3;

    private record PixelShape(long n, long height, long width) {
        static PixelShape of(INDArray a) {
            return new PixelShape(a.size(0), a.size(2), a.size(3));
        }
    }

    private final int inChannels;
    private final int hiddenChannels;
    private final int outChannels;
    private final DataType dataType;
    private final Conv2d inputConv;
    private final GatedConv[] gated;
    private final LayerNormChannels[] norms;
    private final ConcatElu outputElu;
    private final Conv2d outputConv;
    private final BufferCache buffers = new BufferCache();
    /** The input of the last forward of each shape, needed for the first convolution's gradients. */
    private final Map<PixelShape, INDArray> inputs = new HashMap<>();
    private INDArray lastOutput;

    /**
     * @param inChannels     channels of the input
     * @param hiddenChannels channels inside the network
     * @param outChannels    channels of the output
     * @param blocks         number of [gated block, LayerNorm] pairs (the reference uses 3)
     * @param dataType       FLOAT or DOUBLE, for parameters, buffers and inputs
     */
    public GatedConvNet(int inChannels, int hiddenChannels, int outChannels, int blocks, DataType dataType) {
        if (inChannels < 1 || hiddenChannels < 1 || outChannels < 1 || blocks < 0) {
            throw new IllegalArgumentException("channels must be positive and blocks non-negative, got in="
                    + inChannels + " hidden=" + hiddenChannels + " out=" + outChannels + " blocks=" + blocks);
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + dataType);
        }
        this.inChannels = inChannels;
        this.hiddenChannels = hiddenChannels;
        this.outChannels = outChannels;
        this.dataType = dataType;
        inputConv = new Conv2d(inChannels, hiddenChannels, 3, dataType);
        gated = new GatedConv[blocks];
        norms = new LayerNormChannels[blocks];
        for (int b = 0; b < blocks; b++) {
            gated[b] = new GatedConv(hiddenChannels, dataType);
            norms[b] = new LayerNormChannels(hiddenChannels, dataType);
        }
        outputElu = new ConcatElu(hiddenChannels, dataType);
        outputConv = new Conv2d(2 * hiddenChannels, outChannels, 3, dataType);
    }

    /**
     * The number of scalar parameters:
     * {@code 9 in h + h + blocks (22 h^2 + 5 h) + 18 h out + out} for hidden width h.
     */
    public static long parameterCount(int inChannels, int hiddenChannels, int outChannels, int blocks) {
        long perBlock = GatedConv.parameterCount(hiddenChannels) + 2L * hiddenChannels;
        return Conv2d.parameterCount(inChannels, hiddenChannels, 3) + blocks * perBlock
                + Conv2d.parameterCount(2 * hiddenChannels, outChannels, 3);
    }

    /**
     * Names and shapes of the parameter tensors, each name prefixed with {@code prefix}:
     * {@code in.weight, in.bias}, then per block b {@code block<b>.conv.*, block<b>.gate.*,
     * norm<b>.gamma, norm<b>.beta}, then {@code out.weight, out.bias}.
     */
    public List<ParameterSpec> parameterSpecs(String prefix) {
        List<ParameterSpec> specs = new ArrayList<>(inputConv.parameterSpecs(prefix + "in."));
        for (int b = 0; b < gated.length; b++) {
            specs.addAll(gated[b].parameterSpecs(prefix + "block" + b + "."));
            specs.addAll(norms[b].parameterSpecs(prefix + "norm" + b + "."));
        }
        specs.addAll(outputConv.parameterSpecs(prefix + "out."));
        return specs;
    }

    /** The number of parameter tensors, the size of {@link #parameterSpecs}. */
    public int parameterTensorCount() {
        return 2 + 6 * gated.length + 2;
    }

    /**
     * Takes the views of this network's parameters and of their gradients from position
     * {@code offset} of the lists: {@link #parameterTensorCount()} entries, in the order and shapes
     * of {@link #parameterSpecs}.
     */
    public void bind(List<INDArray> values, List<INDArray> grads, int offset) {
        int next = inputConv.bind(values, grads, offset);
        for (int b = 0; b < gated.length; b++) {
            next = gated[b].bind(values, grads, next);
            next = norms[b].bind(values, grads, next);
        }
        outputConv.bind(values, grads, next);
    }

    /** Draws the initial parameters from {@code random} (see the class comment); the output convolution is zeroed. */
    public void initialize(RandomGenerator random) {
        inputConv.initialize(random);
        for (int b = 0; b < gated.length; b++) {
            gated[b].initialize(random);
            norms[b].initialize();
        }
        outputConv.zero();
    }

    /**
     * Maps {@code input [N, inChannels, H, W]} to {@code [N, outChannels, H, W]}. The result is owned
     * by this network until the next forward of that shape; {@code input} is not modified, but it is
     * read again by {@link #backward}, so it must stay unchanged until then.
     */
    public INDArray forward(INDArray input) {
        if (input.rank() != 4 || input.size(1) != inChannels || input.dataType() != dataType) {
            throw new IllegalArgumentException("expected a " + dataType + " tensor [N, " + inChannels
                    + ", H, W], got " + input.dataType() + " " + java.util.Arrays.toString(input.shape()));
        }
        PixelShape shape = PixelShape.of(input);
        inputs.put(shape, input);
        INDArray h = buffers.get("hidden", dataType, shape.n(), hiddenChannels, shape.height(), shape.width());
        inputConv.forward(input, h);
        for (int b = 0; b < gated.length; b++) {
            h = norms[b].forward(gated[b].forward(h));
        }
        INDArray out = buffers.get("out", dataType, shape.n(), outChannels, shape.height(), shape.width());
        outputConv.forward(outputElu.forward(h), out);
        lastOutput = out;
        return out;
    }

    /** The output of the most recent {@link #forward}. */
    public INDArray lastOutput() {
        return lastOutput;
    }

    /**
     * Back-propagates {@code gradOutput [N, outChannels, H, W]} through the last forward of that shape:
     * adds the parameter gradients into the bound gradient views and returns {@code dL/dinput}
     * (owned buffer).
     */
    public INDArray backward(INDArray gradOutput) {
        PixelShape shape = PixelShape.of(gradOutput);
        INDArray input = inputs.get(shape);
        if (input == null || gradOutput.size(1) != outChannels) {
            throw new IllegalStateException("backward of shape " + java.util.Arrays.toString(gradOutput.shape())
                    + " without a forward of that shape");
        }
        INDArray gradElu = buffers.get("gradElu", dataType, shape.n(), 2L * hiddenChannels, shape.height(),
                shape.width());
        outputConv.backward(outputElu.output(gradOutput), gradOutput, gradElu);
        INDArray g = outputElu.backward(gradElu, null);
        for (int b = gated.length - 1; b >= 0; b--) {
            g = gated[b].backward(norms[b].backward(g));
        }
        INDArray gradInput = buffers.get("gradInput", dataType, input.shape());
        inputConv.backward(input, g, gradInput);
        return gradInput;
    }
}
