package org.fld4j.core.coupling;

import org.fld4j.core.conditioner.Conditioner;
import org.fld4j.core.conditioner.GatedConvNet;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.ImageShapes;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The layout of an image coupling (the coupling of the official FLD flow): a checkerboard or channel
 * mask {@code m} over samples {@code [C, H, W]}. A {@link GatedConvNet} sees {@code x * m} (and,
 * optionally, a context image concatenated along the channels, which is how variational
 * dequantization conditions on the pixels) and returns the raw scale and the shift of every value;
 * both are multiplied by {@code 1 - m}, so the values under the mask pass unchanged. The clamp has one
 * entry per channel. Saved as layer type {@value #TYPE}.
 */
public final class PixelMask implements CouplingMask {

    /** The layer type of image couplings in configs and saved files. */
    public static final String TYPE = "image-coupling";

    private final long[] shape;
    private final MaskKind kind;
    private final boolean inverted;
    private final int hidden;
    private final int blocks;
    private final int contextChannels;
    private final DataType dataType;
    private final int channels;
    /** The mask and its complement as rows {@code [1, C*H*W]}. */
    private final INDArray mask;
    private final INDArray complement;

    /**
     * @param shape           the sample shape [C, H, W]
     * @param hidden          hidden channels of the conditioning network
     * @param blocks          gated blocks of the conditioning network (3 in the official flow)
     * @param contextChannels channels of a context image passed with each batch (0 for an unconditional coupling)
     */
    public PixelMask(long[] shape, MaskKind kind, boolean inverted, int hidden, int blocks, int contextChannels,
                     DataType dataType) {
        this.shape = ImageShapes.checkChw(shape, "image coupling");
        if (hidden < 1 || blocks < 0 || contextChannels < 0) {
            throw new IllegalArgumentException("image coupling needs hidden >= 1, blocks >= 0, contextChannels >= 0; got "
                    + hidden + ", " + blocks + ", " + contextChannels);
        }
        this.kind = kind;
        this.inverted = inverted;
        this.hidden = hidden;
        this.blocks = blocks;
        this.contextChannels = contextChannels;
        this.dataType = dataType;
        this.channels = Math.toIntExact(shape[0]);
        this.mask = Nd4j.createFromArray(ImageMask.values(kind, shape, inverted))
                .reshape(1, Tensors.sampleSize(shape)).castTo(dataType);
        this.complement = mask.rsub(1.0);
    }

    /** The layout an image coupling's config describes. */
    static PixelMask fromConfig(LayerConfig c) {
        return new PixelMask(c.getLongArray("shape"), c.getEnum("mask", MaskKind.class), c.getBoolean("inverted"),
                c.getInt("hidden"), c.getInt("blocks"), c.getInt("contextChannels"),
                c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the coupling a config of type {@value #TYPE} describes, from the config alone. */
    static LayerSize size(LayerConfig c) {
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
     * LayerNorm, the output 3x3 convolution, and the per-channel clamp. The work is the sample plus, per block
     * and for the input and output stages, four planes as wide as the widest layer of the net.
     */
    public static LayerSize size(long[] shape, long hidden, long blocks, long contextChannels) {
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

    /** Trainable parameters of an image coupling: its network plus one clamp scale per channel. */
    public static long parameterCount(long channels, int hidden, int blocks, int contextChannels) {
        int c = Math.toIntExact(channels);
        return GatedConvNet.parameterCount(c + contextChannels, hidden, 2 * c, blocks) + c;
    }

    @Override
    public LayerConfig config(CouplingForm form) {
        return LayerConfig.of(TYPE)
                .put("shape", shape)
                .put("mask", kind)
                .put("inverted", inverted)
                .put("hidden", hidden)
                .put("blocks", blocks)
                .put("form", form)
                .put("contextChannels", contextChannels)
                .put("dataType", dataType.name())
                .build();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public Conditioner conditioner() {
        return new GatedConvNet(channels + contextChannels, hidden, 2 * channels, blocks, dataType);
    }

    @Override
    public ParameterSpec clampSpec() {
        return new ParameterSpec("scale", channels);
    }

    /** The mask, or its complement, repeated over a batch of {@code n}, built once per batch size. */
    private INDArray repeated(long n, boolean complemented, BufferCache buffers) {
        String name = complemented ? "mask.inv" : "mask";
        INDArray ready = buffers.get(name + ".ready", DataType.BYTE, n);
        INDArray full = buffers.get(name, dataType, n, shape[0], shape[1], shape[2]);
        if (ready.getInt(0) == 0) {
            // One broadcast, not a copy per sample: after a release this runs again for every batch size.
            full.reshape(n, Tensors.sampleSize(shape)).assign(0).addiRowVector(complemented ? complement : mask);
            ready.assign(1);
        }
        return full;
    }

    private static INDArray channelRange(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Override
    public INDArray conditionerInput(INDArray x, INDArray context, BufferCache buffers, String prefix) {
        long n = x.size(0);
        INDArray in = buffers.get(prefix + "in", dataType, n, channels + contextChannels, shape[1], shape[2]);
        INDArray masked = contextChannels == 0 ? in : channelRange(in, 0, channels);
        masked.assign(x).muli(repeated(n, false, buffers));
        if (contextChannels > 0) {
            if (context == null || context.size(1) != contextChannels) {
                throw new IllegalArgumentException("this coupling needs a context of " + contextChannels + " channels");
            }
            channelRange(in, channels, channels + contextChannels).assign(context);
        } else if (context != null) {
            throw new IllegalArgumentException("this coupling takes no context");
        }
        return in;
    }

    @Override
    public INDArray raw(INDArray conditionerOutput) {
        return channelRange(conditionerOutput, 0, channels);
    }

    @Override
    public INDArray shift(INDArray conditionerOutput) {
        return channelRange(conditionerOutput, channels, 2L * channels);
    }

    @Override
    public long[] partShape(long n) {
        return new long[] {n, shape[0], shape[1], shape[2]};
    }

    @Override
    public INDArray changing(long n, BufferCache buffers) {
        return repeated(n, true, buffers);
    }

    @Override
    public void copyPart(INDArray x, INDArray part) {
        part.assign(x);
    }

    @Override
    public INDArray assemble(INDArray conditionerInput, INDArray part, BufferCache buffers, String name) {
        return part;
    }

    @Override
    public INDArray partGradient(INDArray gradOutput, BufferCache buffers) {
        return gradOutput;
    }

    @Override
    public void accumulateClampGradient(INDArray perEntry, INDArray clampGradient, BufferCache buffers) {
        INDArray channelSums = buffers.get("b.csum", dataType, channels);
        Nd4j.exec(new Sum(perEntry, channelSums, 0, 2, 3));
        clampGradient.addi(channelSums);
    }

    @Override
    public INDArray inputGradient(INDArray gradOutput, INDArray partGradient, INDArray conditionerGradient,
                                  BufferCache buffers) {
        long n = gradOutput.size(0);
        INDArray masked = buffers.get("b.gm", dataType, gradOutput.shape());
        masked.assign(contextChannels == 0 ? conditionerGradient : channelRange(conditionerGradient, 0, channels))
                .muli(repeated(n, false, buffers));
        partGradient.addi(masked);
        return partGradient;
    }
}
