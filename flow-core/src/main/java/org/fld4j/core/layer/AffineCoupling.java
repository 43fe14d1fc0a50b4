package org.fld4j.core.layer;

import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.conditioner.MlpConditioner;
import org.fld4j.core.kernel.SmallFloatKernels;

import org.fld4j.core.transform.LayerSize;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.kernel.Tensors;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.fld4j.core.memory.WorkArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Affine coupling of a vector under a {@link HalfMask}: the conditioning half passes unchanged, the
 * other half is scaled and shifted by an MLP of the conditioning half.
 *
 * <p>The raw scale is soft-clamped per transformed feature, {@code s = tanh(raw / e^a) * e^a} with a
 * learned {@code a} (initially 0), so {@code |s| < e^a} and training cannot blow up through exp(s).
 * The MLP's output layer starts at zero, so a fresh coupling is the identity. The log-determinant is
 * {@code sum(s)}, O(D) per sample.
 */
public final class AffineCoupling implements Transform, WorkArrays {

    public static final String TYPE = "affine-coupling";

    private final HalfMask mask;
    private final int[] hidden;
    private final Activation activation;
    private final CouplingForm form;
    private final DataType dataType;
    private final MlpConditioner net;
    private final BufferCache buffers = new BufferCache();
    private INDArray clamp;
    private INDArray clampGrad;

    public AffineCoupling(HalfMask mask, int[] hidden, Activation activation, CouplingForm form, DataType dataType) {
        this.mask = mask;
        this.hidden = hidden.clone();
        this.activation = activation;
        this.form = form;
        this.dataType = dataType;
        this.net = new MlpConditioner(mask.conditionSize(), hidden, 2 * mask.transformSize(), activation, dataType);
    }

    /** Rebuilds a coupling from its {@link #config()}. */
    public static AffineCoupling fromConfig(LayerConfig c) {
        return new AffineCoupling(new HalfMask(c.getInt("dimension"), c.getBoolean("inverted")),
                c.getIntArray("hidden"), c.getEnum("activation", Activation.class),
                c.getEnum("form", CouplingForm.class), c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        HalfMask mask = new HalfMask(LayerSize.positive(c, "dimension"), c.getBoolean("inverted"));
        int[] hidden = c.getIntArray("hidden");
        long[] widths = new long[hidden.length + 2];
        widths[0] = mask.conditionSize();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("layer '" + TYPE + "' hidden widths must be positive, got "
                        + hidden[i]);
            }
            widths[i + 1] = hidden[i];
        }
        widths[widths.length - 1] = 2L * mask.transformSize();
        long parameters = mask.transformSize();
        long work = mask.dimension();
        for (int l = 0; l + 1 < widths.length; l++) {
            parameters = Math.addExact(parameters, Math.multiplyExact(widths[l] + 1, widths[l + 1]));
            work = Math.addExact(work, 2 * widths[l + 1]);
        }
        return new LayerSize(parameters, work);
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE)
                .put("dimension", mask.dimension())
                .put("inverted", mask.inverted())
                .put("hidden", hidden)
                .put("activation", activation)
                .put("form", form)
                .put("dataType", dataType.name())
                .build();
    }

    @Override
    public long[] inputShape() {
        return new long[] {mask.dimension()};
    }

    @Override
    public long[] outputShape() {
        return inputShape();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(net.parameterSpecs("net."));
        specs.add(new ParameterSpec("clamp", 1, mask.transformSize()));
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

    private INDArray condition(INDArray x) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(mask.conditionStart(), mask.conditionEnd()));
    }

    private INDArray transformed(INDArray x) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(mask.transformStart(), mask.transformEnd()));
    }

    /**
     * Runs the conditioner on {@code cond} and leaves {@code th = tanh(raw/e^a)}, {@code s} and
     * {@code es = exp(s)} in the buffers named with {@code prefix}; returns the MLP output [raw | t].
     */
    private INDArray scaleAndShift(INDArray cond, String prefix) {
        long n = cond.size(0);
        int dt = mask.transformSize();
        INDArray out = net.forward(cond);
        INDArray th = buffers.get(prefix + "th", dataType, n, dt);
        INDArray s = buffers.get(prefix + "s", dataType, n, dt);
        INDArray es = buffers.get(prefix + "es", dataType, n, dt);
        if (SmallFloatKernels.appliesToScale(out, dt, clamp, th, s, es)) {
            SmallFloatKernels.scaleAndExp(out, dt, clamp, th, s, es);
            return out;
        }
        INDArray raw = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dt));
        INDArray ea = buffers.get("ea", dataType, 1, dt);
        Nd4j.exec(new Exp(clamp, ea));
        Tensors.copy(raw, th);
        th.diviRowVector(ea);
        Nd4j.exec(new Tanh(th, th));
        s.assign(th).muliRowVector(ea);
        Nd4j.exec(new Exp(s, es));
        return out;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        int dt = mask.transformSize();
        INDArray xc = buffers.get("xc", dataType, n, mask.conditionSize());
        Tensors.copy(condition(x), xc);
        INDArray out = scaleAndShift(xc, "f.");
        INDArray t = out.get(NDArrayIndex.all(), NDArrayIndex.interval(dt, 2 * dt));
        INDArray es = buffers.get("f.es", dataType, n, dt);
        INDArray y2 = buffers.get("y2", dataType, n, dt);
        Tensors.copy(transformed(x), y2);
        // t is a column block of the conditioner's output: arithmetic on such views is as slow as assign
        // on them, so it is copied out first.
        INDArray shift = buffers.get("f.t", dataType, n, dt);
        Tensors.copy(t, shift);
        if (form == CouplingForm.AFFINE) {
            y2.muli(es).addi(shift);
        } else {
            y2.addi(shift).muli(es);
        }
        INDArray y = buffers.get("y", dataType, n, mask.dimension());
        Tensors.copy(xc, condition(y));
        Tensors.copy(y2, transformed(y));
        INDArray logDet = Tensors.sumPerSample(buffers.get("f.s", dataType, n, dt),
                buffers.get("logdet", DataType.DOUBLE, n), buffers, "sumscratch");
        return new Transformed(y, logDet);
    }

    @Override
    public Transformed inverse(INDArray y) {
        long n = y.size(0);
        int dt = mask.transformSize();
        INDArray yc = buffers.get("inv.yc", dataType, n, mask.conditionSize());
        Tensors.copy(condition(y), yc);
        INDArray out = scaleAndShift(yc, "i.");
        INDArray t = out.get(NDArrayIndex.all(), NDArrayIndex.interval(dt, 2 * dt));
        INDArray es = buffers.get("i.es", dataType, n, dt);
        INDArray x2 = buffers.get("inv.x2", dataType, n, dt);
        Tensors.copy(transformed(y), x2);
        INDArray shift = buffers.get("i.t", dataType, n, dt);
        Tensors.copy(t, shift);
        if (form == CouplingForm.AFFINE) {
            x2.subi(shift).divi(es);
        } else {
            x2.divi(es).subi(shift);
        }
        INDArray x = buffers.get("inv.x", dataType, n, mask.dimension());
        Tensors.copy(yc, condition(x));
        Tensors.copy(x2, transformed(x));
        INDArray logDet = Tensors.sumPerSample(buffers.get("i.s", dataType, n, dt),
                buffers.get("inv.logdet", DataType.DOUBLE, n), buffers, "sumscratch");
        logDet.negi();
        return new Transformed(x, logDet);
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        int dt = mask.transformSize();
        // Forward state: the MLP output [raw | t] is still in the conditioner's buffer.
        INDArray th = buffers.get("f.th", dataType, n, dt);
        INDArray s = buffers.get("f.s", dataType, n, dt);
        INDArray es = buffers.get("f.es", dataType, n, dt);
        INDArray y2 = buffers.get("y2", dataType, n, dt);
        INDArray netOut = net.lastOutput();
        INDArray raw = netOut.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dt));
        INDArray t = buffers.get("f.t", dataType, n, dt);

        INDArray gy2 = buffers.get("b.gy2", dataType, n, dt);
        Tensors.copy(transformed(gradOutput), gy2);
        INDArray gx2 = buffers.get("b.gx2", dataType, n, dt);
        gx2.assign(gy2).muli(es);
        INDArray gs = buffers.get("b.gs", dataType, n, dt);
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
        INDArray gl = buffers.get("b.gl", dataType, n, 1);
        gl.assign(gradLogDet.reshape(n, 1));
        gs.addiColumnVector(gl);

        // s = e^a tanh(raw e^-a): ds/draw = 1 - th^2, ds/da = s - raw (1 - th^2)
        INDArray dth = buffers.get("b.dth", dataType, n, dt);
        dth.assign(th).muli(th).rsubi(1.0);
        INDArray gradNetOut = buffers.get("b.gout", dataType, n, 2L * dt);
        INDArray gRaw = gradNetOut.get(NDArrayIndex.all(), NDArrayIndex.interval(0, dt));
        INDArray gRawContiguous = buffers.get("b.graw", dataType, n, dt);
        gRawContiguous.assign(gs).muli(dth);
        Tensors.copy(gRawContiguous, gRaw);
        Tensors.copy(gt, gradNetOut.get(NDArrayIndex.all(), NDArrayIndex.interval(dt, 2 * dt)));

        INDArray tmp = buffers.get("b.tmp", dataType, n, dt);
        Tensors.copy(raw, tmp);
        tmp.muli(dth).rsubi(s).muli(gs);
        INDArray colSum = buffers.get("b.colsum", dataType, dt);
        Tensors.sumOverBatch(tmp, colSum);
        clampGrad.addi(colSum.reshape(1, dt));

        INDArray gxc = net.backward(gradNetOut);
        INDArray gx = buffers.get("b.gx", dataType, n, mask.dimension());
        INDArray gxCond = buffers.get("b.gxc", dataType, n, mask.conditionSize());
        Tensors.copy(condition(gradOutput), gxCond);
        gxCond.addi(gxc);
        Tensors.copy(gxCond, condition(gx));
        Tensors.copy(gx2, transformed(gx));
        return gx;
    }

    @Override
    public void releaseWorkArrays() {
        net.releaseWorkArrays();
        buffers.release();
    }
}
