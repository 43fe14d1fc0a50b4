package org.fld4j.core.coupling;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.conditioner.Conditioner;
import org.fld4j.core.internal.kernel.SmallFloatKernels;
import org.fld4j.core.internal.kernel.SoftClamp;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.InferenceArrays;
import org.fld4j.core.memory.SharesInferenceArrays;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;

/**
 * The affine coupling: a {@link CouplingMask} says which values condition, a {@link Conditioner} maps
 * them to a raw scale and a shift {@code t} of the others, and this class applies the maths, which is
 * the same for every layout.
 *
 * <p>The scale is soft-clamped per clamp entry, {@code s = tanh(raw / e^a) e^a} with a learned
 * {@code a} (initially 0), so {@code |s| < e^a} and training cannot blow up through {@code exp(s)}.
 * Then {@code y = (x + t) e^s} ({@link CouplingForm#FLD}) or {@code y = x e^s + t}
 * ({@link CouplingForm#AFFINE}) on the transformed values, and {@code log|det J| = sum(s)}, O(D) per
 * sample. The conditioner's last layer starts at zero, so a fresh coupling is the identity. A new kind of
 * coupling is a new conditioner or a new mask, not a new copy of these lines.
 */
public final class Coupling implements Transform, SharesInferenceArrays, WorkArrays {

    private final CouplingMask mask;
    private final CouplingForm form;
    private final DataType dataType;
    private final Conditioner net;
    private final BufferCache buffers = new BufferCache();
    private INDArray clamp;
    private INDArray clampGrad;

    public Coupling(CouplingMask mask, CouplingForm form, DataType dataType) {
        this.mask = mask;
        this.form = form;
        this.dataType = dataType;
        this.net = mask.conditioner();
    }

    /** A dense coupling: an MLP of one half of the vector scales and shifts the other half. */
    public static Coupling dense(HalfMask mask, int[] hidden, Activation activation, CouplingForm form,
                                 DataType dataType) {
        return new Coupling(new HalfSplit(mask, hidden, activation, dataType), form, dataType);
    }

    /**
     * An image coupling conditioned by a gated conv net (see {@link PixelMask}); with
     * {@code contextChannels > 0} it takes a context image in {@link #forward(INDArray, INDArray)}.
     */
    public static Coupling image(long[] shape, MaskKind maskKind, boolean inverted, int hidden, int blocks,
                                 CouplingForm form, int contextChannels, DataType dataType) {
        return new Coupling(new PixelMask(shape, maskKind, inverted, hidden, blocks, contextChannels, dataType),
                form, dataType);
    }

    /** Rebuilds a coupling from its {@link #config()} (layer type {@value HalfSplit#TYPE} or {@value PixelMask#TYPE}). */
    public static Coupling fromConfig(LayerConfig c) {
        CouplingMask layout = switch (c.type()) {
            case HalfSplit.TYPE -> HalfSplit.fromConfig(c);
            case PixelMask.TYPE -> PixelMask.fromConfig(c);
            default -> throw new IllegalArgumentException("not a coupling: layer type '" + c.type() + "'");
        };
        return new Coupling(layout, c.getEnum("form", CouplingForm.class), c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the coupling {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        return switch (c.type()) {
            case HalfSplit.TYPE -> HalfSplit.size(c);
            case PixelMask.TYPE -> PixelMask.size(c);
            default -> throw new IllegalArgumentException("not a coupling: layer type '" + c.type() + "'");
        };
    }

    /** Which values condition and which change. */
    public CouplingMask mask() {
        return mask;
    }

    @Override
    public LayerConfig config() {
        return mask.config(form);
    }

    @Override
    public long[] inputShape() {
        return mask.shape();
    }

    @Override
    public long[] outputShape() {
        return mask.shape();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(net.parameterSpecs("net."));
        specs.add(mask.clampSpec());
        return specs;
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        net.bind(values, gradients, 0);
        clamp = values.get(values.size() - 1);
        clampGrad = gradients.get(gradients.size() - 1);
    }

    @Override
    public void initialize(RandomGenerator random) {
        net.initialize(random);
        clamp.assign(0);
    }

    @Override
    public void shareInferenceArrays(InferenceArrays arrays) {
        net.shareInferenceArrays(arrays);
    }

    /**
     * Runs the conditioner on what {@code x} lets it see and leaves, under {@code prefix}, {@code th},
     * {@code s}, {@code es = e^s} and the shift {@code t}, each of the part's shape; returns the
     * conditioner's input.
     */
    private INDArray scaleAndShift(INDArray x, INDArray context, String prefix) {
        long n = x.size(0);
        long[] part = mask.partShape(n);
        INDArray in = mask.conditionerInput(x, context, buffers, prefix);
        INDArray out = net.forward(in);
        INDArray changing = mask.changing(n, buffers);
        INDArray th = buffers.get(prefix + "th", dataType, part);
        INDArray s = buffers.get(prefix + "s", dataType, part);
        INDArray es = buffers.get(prefix + "es", dataType, part);
        SoftClamp.apply(out, () -> mask.raw(out), clamp, th, s, es, changing, buffers.get("ea", dataType, clamp.length()));
        // The shift is a block of the conditioner's output: arithmetic on such views is as slow as a copy,
        // so it is copied out first (and masked where values are kept).
        INDArray t = buffers.get(prefix + "t", dataType, part);
        if (changing == null) {
            mask.copyShift(out, t);
        } else {
            t.assign(mask.shift(out)).muli(changing);
        }
        return in;
    }

    @Override
    public Transformed forward(INDArray x) {
        return pass(x, null, false);
    }

    /** The forward pass conditioned on {@code context} (a coupling built with context channels needs one). */
    public Transformed forward(INDArray x, INDArray context) {
        return pass(x, context, false);
    }

    @Override
    public Transformed inverse(INDArray y) {
        return pass(y, null, true);
    }

    /** The inverse pass conditioned on {@code context}; the conditioning values pass unchanged, so the conditioner sees what it saw in {@link #forward}. */
    public Transformed inverse(INDArray y, INDArray context) {
        return pass(y, context, true);
    }

    /**
     * One pass either way: the conditioner sees the same values in both, since the coupling leaves them
     * as they are. Forward {@code y2 = (x2 + t) e^s} (or {@code x2 e^s + t}) with {@code +sum(s)}; inverse
     * the other way round with {@code -sum(s)}. The forward pass's buffers ({@code f.}) are what
     * {@link #backward} reads.
     */
    private Transformed pass(INDArray input, INDArray context, boolean inverse) {
        String p = inverse ? "i." : "f.";
        long n = input.size(0);
        INDArray conditioning = scaleAndShift(input, context, p);
        long[] part = mask.partShape(n);
        INDArray t = buffers.get(p + "t", dataType, part);
        INDArray es = buffers.get(p + "es", dataType, part);
        INDArray values = buffers.get(p + "part", dataType, part);
        mask.copyPart(input, values);
        SmallFloatKernels.couple(values, t, es, form == CouplingForm.FLD, inverse);
        INDArray output = mask.assemble(conditioning, values, buffers, p + "out");
        INDArray logDet = Tensors.sumPerSample(buffers.get(p + "s", dataType, part),
                buffers.get(p + "logdet", DataType.DOUBLE, n), buffers, "sumscratch");
        if (inverse) {
            logDet.negi();
        }
        return new Transformed(output, logDet);
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        long[] part = mask.partShape(n);
        // Forward state: the conditioner's output [raw | t] is still in its buffer.
        INDArray th = buffers.get("f.th", dataType, part);
        INDArray s = buffers.get("f.s", dataType, part);
        INDArray es = buffers.get("f.es", dataType, part);
        INDArray t = buffers.get("f.t", dataType, part);
        INDArray y2 = buffers.get("f.part", dataType, part);
        INDArray changing = mask.changing(n, buffers);
        INDArray netOut = net.lastOutput();

        INDArray gy2 = mask.partGradient(gradOutput, buffers);
        INDArray gx2 = buffers.get("b.gx2", dataType, part);
        INDArray gradNetOut = buffers.get("b.gout", dataType, netOut.shape());
        INDArray perEntry = buffers.get("b.tmp", dataType, part);
        if (changing == null && SmallFloatKernels.scaleBackward(gy2, es, y2, t, th, s, netOut, gradLogDet,
                form == CouplingForm.AFFINE, gx2, gradNetOut, perEntry)) {
            mask.accumulateClampGradient(perEntry, clampGrad, buffers);
            return mask.inputGradient(gradOutput, gx2, net.backward(gradNetOut), buffers);
        }
        gx2.assign(gy2).muli(es);
        INDArray gs = buffers.get("b.gs", dataType, part);
        INDArray gt;
        if (form == CouplingForm.AFFINE) {
            // y2 = x2 e^s + t: dy2/ds = x2 e^s = y2 - t, dy2/dt = 1
            gs.assign(y2).subi(t).muli(gy2);
            gt = gy2;
        } else {
            // y2 = (x2 + t) e^s: dy2/ds = y2, dy2/dt = e^s
            gs.assign(y2).muli(gy2);
            gt = gx2;
        }
        INDArray perSample = buffers.get("b.gld", dataType, n);
        perSample.assign(gradLogDet);
        Broadcast.add(gs, perSample, gs, 0);
        if (changing != null) {
            gs.muli(changing);
            INDArray maskedGt = buffers.get("b.gt", dataType, part);
            gt = maskedGt.assign(gt).muli(changing);
        }

        // s = e^a tanh(raw e^-a): ds/draw = 1 - th^2, ds/da = s - raw (1 - th^2), with s before masking
        INDArray dth = buffers.get("b.dth", dataType, part);
        dth.assign(th).muli(th).rsubi(1.0);
        INDArray gRaw = buffers.get("b.graw", dataType, part);
        gRaw.assign(gs).muli(dth);
        mask.setOutputGradient(gRaw, gt, gradNetOut);

        if (changing == null) {
            perEntry.assign(s);
        } else {
            INDArray ea = buffers.get("ea", dataType, clamp.length());
            Broadcast.mul(th, ea, perEntry, 1);
        }
        dth.muli(mask.raw(netOut));
        perEntry.subi(dth).muli(gs);
        mask.accumulateClampGradient(perEntry, clampGrad, buffers);

        INDArray gin = net.backward(gradNetOut);
        return mask.inputGradient(gradOutput, gx2, gin, buffers);
    }

    /** Also frees the masks repeated over the batch; they are rebuilt with their "ready" flags. */
    @Override
    public void releaseWorkArrays() {
        net.releaseWorkArrays();
        buffers.release();
    }
}
