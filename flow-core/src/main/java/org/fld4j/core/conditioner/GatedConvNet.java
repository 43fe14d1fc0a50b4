package org.fld4j.core.conditioner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.fld4j.core.internal.kernel.FloatKernels;
import org.fld4j.core.internal.kernel.Geometry;
import org.fld4j.core.internal.kernel.Planar;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.transform.ParameterSpec;
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
 * <p>Like {@link org.fld4j.core.conditioner.MlpConditioner}, the network works on views bound by its owner
 * and on buffers it keeps per input shape: after the first call for a shape, a forward and backward
 * allocate no tensors. Inside, tensors are planar ({@code [C, N*H*W]}, see {@link Planar}): every
 * convolution is one GEMM over the whole batch and channel splits are free. Only the input and the
 * output are converted from and to NCHW, and they have few channels. In float32 with oneDNN the 3x3
 * convolutions' inputs and outputs are contiguous NCHW arrays instead, and the elementwise chains run
 * as {@link FloatKernels} (see {@link Scratch#nchwConvolutionData}). The backward pass is
 * hand-written. Not thread-safe.
 */
public final class GatedConvNet implements Conditioner {

    /** The default number of gated blocks, as in the reference. */
    public static final int DEFAULT_BLOCKS = 3;

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
    private final PlanarBuffers planar;
    private final ConvolutionLayout layout;
    private final Scratch scratch;
    /** Geometries with a forward pass, whose buffers hold what backward needs. */
    private final Set<Geometry> forwarded = new HashSet<>();
    private INDArray lastOutput;

    /**
     * @param inChannels     channels of the input
     * @param hiddenChannels channels inside the network
     * @param outChannels    channels of the output
     * @param blocks         number of [gated block, LayerNorm] pairs (the reference uses 3)
     * @param dataType       FLOAT or DOUBLE, for parameters, buffers and inputs
     */
    public GatedConvNet(int inChannels, int hiddenChannels, int outChannels, int blocks, DataType dataType) {
        this(inChannels, hiddenChannels, outChannels, blocks, dataType, true);
    }

    /** {@code fusedKernels} false keeps the float32 path on ND4J's ops (see {@link FloatKernels}; tests compare the two). */
    GatedConvNet(int inChannels, int hiddenChannels, int outChannels, int blocks, DataType dataType, boolean fusedKernels) {
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
        scratch = new Scratch(dataType, fusedKernels);
        planar = scratch.layerBuffers("net");
        layout = new ConvolutionLayout(scratch, planar);
        inputConv = new Conv2d(inChannels, hiddenChannels, 3, scratch);
        gated = new GatedConv[blocks];
        norms = new LayerNormChannels[blocks];
        for (int b = 0; b < blocks; b++) {
            // One evaluation role for all blocks: an evaluation needs only block b's output (the next
            // block's input, a LayerNorm array) once block b + 1 starts, and the gated convolution and
            // the LayerNorm never share arrays.
            gated[b] = new GatedConv(hiddenChannels, scratch, "gated");
            norms[b] = new LayerNormChannels(hiddenChannels, scratch, "norm");
        }
        outputElu = new ConcatElu(hiddenChannels, scratch, true);
        outputConv = new Conv2d(2 * hiddenChannels, outChannels, 3, scratch);
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
     * by this network until the next forward of that shape; {@code input} is not modified and may be
     * reused by the caller at once (the network keeps a copy for {@link #backward}).
     */
    public INDArray forward(INDArray input) {
        Geometry g = checkedGeometry(input, inChannels, "input");
        if (!scratch.evaluating()) {
            // An evaluation pass keeps nothing for a backward pass.
            forwarded.add(g);
        }
        INDArray out = buffers.get("out", dataType, g.n(), outChannels, g.height(), g.width());
        INDArray h = layout.block("hidden", hiddenChannels, g);
        inputConv.forward(layout.copyIn(input, "input", inChannels, g), g, h);
        for (int b = 0; b < gated.length; b++) {
            h = scratch.pixelMajorEvaluation() ? gated[b].forwardNormalized(h, g, norms[b])
                    : norms[b].forward(gated[b].forward(h, g), g);
        }
        INDArray result = layout.target(out, "result", outChannels, g);
        outputConv.forward(outputElu.forward(h, g), g, result);
        layout.copyOut(result, out, g);
        lastOutput = out;
        return out;
    }

    /**
     * Takes its network's shared evaluation arrays: while the network evaluates, this network's work
     * arrays are those of every other coupling's network (see {@link InferenceArrays}).
     */
    public void shareInferenceArrays(InferenceArrays arrays) {
        scratch.shareInferenceArrays(arrays);
    }

    private Geometry checkedGeometry(INDArray nchw, int channels, String what) {
        if (nchw.rank() != 4 || nchw.size(1) != channels || nchw.dataType() != dataType) {
            throw new IllegalArgumentException("expected a " + dataType + " " + what + " [N, " + channels
                    + ", H, W], got " + nchw.dataType() + " " + Arrays.toString(nchw.shape()));
        }
        return Geometry.of(nchw);
    }

    /** The output of the most recent {@link #forward}. */
    public INDArray lastOutput() {
        if (lastOutput == null) {
            throw new IllegalStateException("no forward pass since the work arrays were created or released");
        }
        return lastOutput;
    }

    /**
     * Back-propagates {@code gradOutput [N, outChannels, H, W]} through the last forward of that shape:
     * adds the parameter gradients into the bound gradient views and returns {@code dL/dinput}
     * (owned buffer).
     */
    public INDArray backward(INDArray gradOutput) {
        Geometry g = checkedGeometry(gradOutput, outChannels, "gradient");
        if (!forwarded.contains(g)) {
            throw new IllegalStateException("backward of shape " + Arrays.toString(gradOutput.shape())
                    + " without a forward of that shape");
        }
        INDArray gradInput = buffers.get("gradInput", dataType, g.n(), inChannels, g.height(), g.width());
        INDArray gradElu = layout.block("gradElu", 2L * hiddenChannels, g);
        outputConv.backward(outputElu.output(g), layout.read(gradOutput, "gradResult", outChannels, g), g, gradElu);
        INDArray grad = outputElu.backward(gradElu, g, null);
        for (int b = gated.length - 1; b >= 0; b--) {
            grad = gated[b].backward(norms[b].backward(grad, g), g);
        }
        INDArray gradX = layout.target(gradInput, "gradX", inChannels, g);
        inputConv.backward(layout.block("input", inChannels, g), grad, g, gradX);
        layout.copyOut(gradX, gradInput, g);
        return gradInput;
    }

    /**
     * Frees the arrays of every part and those they share. The geometries seen are forgotten, so a
     * backward pass needs a new forward first instead of reading freed activations.
     */
    @Override
    public void releaseWorkArrays() {
        inputConv.releaseWorkArrays();
        for (int b = 0; b < gated.length; b++) {
            gated[b].releaseWorkArrays();
            norms[b].releaseWorkArrays();
        }
        outputElu.releaseWorkArrays();
        outputConv.releaseWorkArrays();
        scratch.release();
        planar.release();
        buffers.release();
        forwarded.clear();
        lastOutput = null;
    }
}
