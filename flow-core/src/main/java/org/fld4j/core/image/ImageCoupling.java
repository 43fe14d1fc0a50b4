package org.fld4j.core.image;

import org.fld4j.core.conditioner.GatedConvNet;

import org.fld4j.core.transform.LayerSize;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.memory.SharesInferenceArrays;
import org.fld4j.core.kernel.Tensors;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.layer.CouplingForm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Affine coupling of an image under a checkerboard or channel mask, conditioned by a
 * {@link GatedConvNet} (the coupling layer of the official FLD flow).
 *
 * <p>The network sees the masked image {@code x * m} (and, optionally, a context image concatenated
 * along the channels, which is how variational dequantization conditions on the pixels) and returns
 * {@code (raw, t)}. The scale is soft-clamped per channel, {@code s = tanh(raw / e^a) e^a} with a
 * learned {@code a} (initially 0), and masked: {@code s, t <- s (1-m), t (1-m)}. Then
 * {@code y = (x + t) e^s} (FLD form) or {@code y = x e^s + t} (RealNVP form), and
 * {@code log|det J| = sum(s)}. The network's last convolution starts at zero, so a fresh coupling is
 * the identity.
 */
public final class ImageCoupling implements Transform, SharesInferenceArrays, WorkArrays {

    public static final String TYPE = "image-coupling";

    private final long[] shape;
    private final MaskKind maskKind;
    private final boolean inverted;
    private final int hidden;
    private final int blocks;
    private final CouplingForm form;
    private final int contextChannels;
    private final DataType dataType;
    private final int channels;
    private final GatedConvNet net;
    /** The mask and its complement as rows {@code [1, C*H*W]}. */
    private final INDArray mask;
    private final INDArray complementMask;
    private final BufferCache buffers = new BufferCache();
    private INDArray scale;
    private INDArray scaleGrad;

    /**
     * @param shape           the sample shape [C, H, W]
     * @param hidden          hidden channels of the conditioning network
     * @param blocks          gated blocks of the conditioning network (3 in the official flow)
     * @param contextChannels channels of a context image passed to {@link #forward(INDArray, INDArray)}
     *                        (0 for an unconditional coupling)
     */
    public ImageCoupling(long[] shape, MaskKind maskKind, boolean inverted, int hidden, int blocks,
                         CouplingForm form, int contextChannels, DataType dataType) {
        this.shape = ImageShapes.checkChw(shape, "image coupling");
        if (hidden < 1 || blocks < 0 || contextChannels < 0) {
            throw new IllegalArgumentException("image coupling needs hidden >= 1, blocks >= 0, contextChannels >= 0; got "
                    + hidden + ", " + blocks + ", " + contextChannels);
        }
        this.maskKind = maskKind;
        this.inverted = inverted;
        this.hidden = hidden;
        this.blocks = blocks;
        this.form = form;
        this.contextChannels = contextChannels;
        this.dataType = dataType;
        this.channels = Math.toIntExact(shape[0]);
        this.net = new GatedConvNet(channels + contextChannels, hidden, 2 * channels, blocks, dataType);
        this.mask = Nd4j.createFromArray(ImageMask.values(maskKind, shape, inverted))
                .reshape(1, Tensors.sampleSize(shape)).castTo(dataType);
        this.complementMask = mask.rsub(1.0);
    }

    public static ImageCoupling fromConfig(LayerConfig c) {
        return new ImageCoupling(c.getLongArray("shape"), c.getEnum("mask", MaskKind.class), c.getBoolean("inverted"),
                c.getInt("hidden"), c.getInt("blocks"), c.getEnum("form", CouplingForm.class),
                c.getInt("contextChannels"), c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        long[] shape = ImageShapes.checkChw(c.getLongArray("shape"), "image coupling");
        int contextChannels = c.getInt("contextChannels");
        if (contextChannels < 0) {
            throw new IllegalArgumentException("layer '" + TYPE + "' contextChannels must be >= 0, got "
                    + contextChannels);
        }
        return size(shape, LayerSize.positive(c, "hidden"), c.getInt("blocks"), contextChannels);
    }

    /**
     * Parameters of a coupling over {@code shape} whose gated conv net has {@code hidden} channels and
     * {@code blocks} blocks: the input 3x3 convolution, per block a 3x3 convolution, a 1x1 gate convolution and a
     * LayerNorm, the output 3x3 convolution, and the per-channel scale. The work is the sample plus, per block
     * and for the input and output stages, four planes as wide as the widest layer of the net.
     */
    static LayerSize size(long[] shape, long hidden, long blocks, long contextChannels) {
        if (blocks < 0) {
            throw new IllegalArgumentException("layer '" + TYPE + "' blocks must be >= 0, got " + blocks);
        }
        long channels = shape[0];
        long in = channels + contextChannels;
        long out = 2 * channels;
        long h = hidden;
        long inputConv = Math.addExact(Math.multiplyExact(Math.multiplyExact(h, in), 9), h);
        long block = Math.addExact(Math.multiplyExact(Math.multiplyExact(h, 2 * h), 9) + h,
                Math.multiplyExact(4 * h, h) + 2 * h + 2 * h);
        long outputConv = Math.addExact(Math.multiplyExact(Math.multiplyExact(out, 2 * h), 9), out);
        long parameters = Math.addExact(Math.addExact(inputConv, Math.multiplyExact(blocks, block)),
                Math.addExact(outputConv, channels));
        long pixels = Math.multiplyExact(shape[1], shape[2]);
        long widest = Math.max(h, Math.max(in, out));
        long work = Math.addExact(Math.multiplyExact(channels, pixels),
                Math.multiplyExact(Math.multiplyExact(4 * widest, pixels), blocks + 2));
        return new LayerSize(parameters, work);
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE)
                .put("shape", shape)
                .put("mask", maskKind)
                .put("inverted", inverted)
                .put("hidden", hidden)
                .put("blocks", blocks)
                .put("form", form)
                .put("contextChannels", contextChannels)
                .put("dataType", dataType.name())
                .build();
    }

    /** Trainable parameters of a coupling: its network plus one clamp scale per channel. */
    public static long parameterCount(long channels, int hidden, int blocks, int contextChannels) {
        int c = Math.toIntExact(channels);
        return GatedConvNet.parameterCount(c + contextChannels, hidden, 2 * c, blocks) + c;
    }

    @Override
    public long[] inputShape() {
        return shape.clone();
    }

    @Override
    public long[] outputShape() {
        return shape.clone();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(net.parameterSpecs("net."));
        specs.add(new ParameterSpec("scale", channels));
        return specs;
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        net.bind(values, gradients, 0);
        scale = values.get(values.size() - 1);
        scaleGrad = gradients.get(gradients.size() - 1);
    }

    @Override
    public void initialize(RandomGenerator random) {
        net.initialize(random);
        scale.assign(0);
    }

    /** The mask and its complement repeated over a batch of {@code n}, built once per batch size. */
    private INDArray maskOf(long n, boolean complement) {
        String name = complement ? "mask.inv" : "mask";
        INDArray m = buffers.get(name + ".ready", DataType.BYTE, n);
        INDArray full = buffers.get(name, dataType, n, shape[0], shape[1], shape[2]);
        if (m.getInt(0) == 0) {
            // One broadcast, not a copy per sample: after a release this runs again for every batch size.
            full.reshape(n, Tensors.sampleSize(shape)).assign(0).addiRowVector(complement ? complementMask : mask);
            m.assign(1);
        }
        return full;
    }

    private static INDArray channelRange(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /**
     * Runs the network on the masked input (plus context) and leaves, under {@code prefix},
     * {@code th = tanh(raw/e^a)}, the masked {@code s} and {@code t}, and {@code es = e^s}.
     */
    private void scaleAndShift(INDArray x, INDArray context, String prefix) {
        long n = x.size(0);
        long[] full = x.shape();
        INDArray in = buffers.get(prefix + "in", dataType, n, channels + contextChannels, shape[1], shape[2]);
        INDArray masked = contextChannels == 0 ? in : channelRange(in, 0, channels);
        masked.assign(x).muli(maskOf(n, false));
        if (contextChannels > 0) {
            if (context == null || context.size(1) != contextChannels) {
                throw new IllegalArgumentException("this coupling needs a context of " + contextChannels + " channels");
            }
            channelRange(in, channels, channels + contextChannels).assign(context);
        }
        INDArray out = net.forward(in);
        INDArray raw = channelRange(out, 0, channels);
        INDArray ea = buffers.get("ea", dataType, channels);
        Nd4j.exec(new Exp(scale, ea));
        INDArray th = buffers.get(prefix + "th", dataType, full);
        Broadcast.div(raw, ea, th, 1);
        Nd4j.exec(new Tanh(th, th));
        INDArray s = buffers.get(prefix + "s", dataType, full);
        Broadcast.mul(th, ea, s, 1);
        INDArray complement = maskOf(n, true);
        s.muli(complement);
        INDArray t = buffers.get(prefix + "t", dataType, full);
        t.assign(channelRange(out, channels, 2L * channels)).muli(complement);
        INDArray es = buffers.get(prefix + "es", dataType, full);
        Nd4j.exec(new Exp(s, es));
    }

    @Override
    public void shareInferenceArrays(InferenceArrays arrays) {
        net.shareInferenceArrays(arrays);
    }

    @Override
    public Transformed forward(INDArray x) {
        return forward(x, null);
    }

    /** The forward pass conditioned on {@code context} ([N, contextChannels, H, W]). */
    public Transformed forward(INDArray x, INDArray context) {
        long n = x.size(0);
        scaleAndShift(x, context, "f.");
        INDArray t = buffers.get("f.t", dataType, x.shape());
        INDArray es = buffers.get("f.es", dataType, x.shape());
        INDArray y = buffers.get("y", dataType, x.shape());
        if (form == CouplingForm.FLD) {
            y.assign(x).addi(t).muli(es);
        } else {
            y.assign(x).muli(es).addi(t);
        }
        INDArray logDet = Tensors.sumPerSample(buffers.get("f.s", dataType, x.shape()),
                buffers.get("logdet", DataType.DOUBLE, n), buffers, "sumscratch");
        return new Transformed(y, logDet);
    }

    @Override
    public Transformed inverse(INDArray y) {
        return inverse(y, null);
    }

    /** The inverse pass conditioned on {@code context}; the masked values pass unchanged, so the network sees the same input as in {@link #forward}. */
    public Transformed inverse(INDArray y, INDArray context) {
        long n = y.size(0);
        scaleAndShift(y, context, "i.");
        INDArray t = buffers.get("i.t", dataType, y.shape());
        INDArray es = buffers.get("i.es", dataType, y.shape());
        INDArray x = buffers.get("inv.x", dataType, y.shape());
        if (form == CouplingForm.FLD) {
            x.assign(y).divi(es).subi(t);
        } else {
            x.assign(y).subi(t).divi(es);
        }
        INDArray logDet = Tensors.sumPerSample(buffers.get("i.s", dataType, y.shape()),
                buffers.get("inv.logdet", DataType.DOUBLE, n), buffers, "sumscratch");
        logDet.negi();
        return new Transformed(x, logDet);
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        long[] full = gradOutput.shape();
        INDArray th = buffers.get("f.th", dataType, full);
        INDArray s = buffers.get("f.s", dataType, full);
        INDArray t = buffers.get("f.t", dataType, full);
        INDArray es = buffers.get("f.es", dataType, full);
        INDArray y = buffers.get("y", dataType, full);
        INDArray complement = maskOf(n, true);
        INDArray netOut = net.lastOutput();
        INDArray raw = channelRange(netOut, 0, channels);

        INDArray gx = buffers.get("b.gx", dataType, full);
        gx.assign(gradOutput).muli(es);
        INDArray gs = buffers.get("b.gs", dataType, full);
        INDArray gradNetOut = buffers.get("b.gout", dataType, n, 2L * channels, shape[1], shape[2]);
        INDArray gt = channelRange(gradNetOut, channels, 2L * channels);
        if (form == CouplingForm.FLD) {
            // y = (x + t) e^s: dy/ds = y, dy/dt = e^s
            gs.assign(gradOutput).muli(y);
            gt.assign(gx);
        } else {
            // y = x e^s + t: dy/ds = y - t, dy/dt = 1
            gs.assign(y).subi(t).muli(gradOutput);
            gt.assign(gradOutput);
        }
        gt.muli(complement);
        INDArray weight = buffers.get("b.w", dataType, n);
        weight.assign(gradLogDet);
        Broadcast.add(gs, weight, gs, 0);
        gs.muli(complement);

        // s = e^a tanh(raw e^-a): ds/draw = 1 - th^2, ds/da = s - raw (1 - th^2)
        INDArray dth = buffers.get("b.dth", dataType, full);
        dth.assign(th).muli(th).rsubi(1.0);
        INDArray gRaw = channelRange(gradNetOut, 0, channels);
        gRaw.assign(gs).muli(dth);
        INDArray ea = buffers.get("ea", dataType, channels);
        INDArray tmp = buffers.get("b.tmp", dataType, full);
        Broadcast.mul(th, ea, tmp, 1);
        dth.muli(raw);
        tmp.subi(dth).muli(gs);
        INDArray channelSum = buffers.get("b.csum", dataType, channels);
        Nd4j.exec(new Sum(tmp, channelSum, 0, 2, 3));
        scaleGrad.addi(channelSum);

        INDArray gin = net.backward(gradNetOut);
        INDArray gMasked = buffers.get("b.gm", dataType, full);
        gMasked.assign(contextChannels == 0 ? gin : channelRange(gin, 0, channels)).muli(maskOf(n, false));
        gx.addi(gMasked);
        return gx;
    }

    /** Also frees the masks repeated over the batch; they are rebuilt with their "ready" flags. */
    @Override
    public void releaseWorkArrays() {
        net.releaseWorkArrays();
        buffers.release();
    }
}
