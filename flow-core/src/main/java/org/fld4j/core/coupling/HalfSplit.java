package org.fld4j.core.coupling;

import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.conditioner.Conditioner;
import org.fld4j.core.conditioner.MlpConditioner;
import org.fld4j.core.internal.kernel.SmallFloatKernels;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The layout of a dense coupling: a vector cut by a {@link HalfMask}; an MLP of the conditioning half
 * gives the raw scale and the shift of the other half, and the clamp has one entry per transformed
 * feature. Saved as layer type {@value #TYPE}.
 *
 * @param mask       which half conditions
 * @param hidden     the MLP's hidden widths
 * @param activation the MLP's activation
 * @param dataType   the data type of parameters and activations
 */
public record HalfSplit(HalfMask mask, int[] hidden, Activation activation, DataType dataType)
        implements CouplingMask {

    /** The layer type of dense couplings in configs and saved files. */
    public static final String TYPE = "affine-coupling";

    public HalfSplit {
        hidden = hidden.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The layout a dense coupling's config describes. */
    static HalfSplit fromConfig(LayerConfig c) {
        return new HalfSplit(new HalfMask(c.getInt("dimension"), c.getBoolean("inverted")), c.getIntArray("hidden"),
                c.getEnum("activation", Activation.class), c.getEnum("dataType", DataType.class));
    }

    /** Parameters and work of the coupling a config of type {@value #TYPE} describes, from the config alone. */
    static LayerSize size(LayerConfig c) {
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
    public LayerConfig config(CouplingForm form) {
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
    public long[] shape() {
        return new long[] {mask.dimension()};
    }

    @Override
    public Conditioner conditioner() {
        return new MlpConditioner(mask.conditionSize(), hidden, 2 * mask.transformSize(), activation, dataType);
    }

    @Override
    public ParameterSpec clampSpec() {
        return new ParameterSpec("clamp", 1, mask.transformSize());
    }

    @Override
    public INDArray conditionerInput(INDArray x, INDArray context, BufferCache buffers, String prefix) {
        if (context != null) {
            throw new IllegalArgumentException("a dense coupling takes no context");
        }
        INDArray in = buffers.get(prefix + "in", dataType, x.size(0), mask.conditionSize());
        Tensors.copyColumns(x, mask.conditionStart(), in, 0, mask.conditionSize());
        return in;
    }

    @Override
    public INDArray raw(INDArray conditionerOutput) {
        return conditionerOutput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, mask.transformSize()));
    }

    @Override
    public INDArray shift(INDArray conditionerOutput) {
        int dt = mask.transformSize();
        return conditionerOutput.get(NDArrayIndex.all(), NDArrayIndex.interval(dt, 2 * dt));
    }

    @Override
    public void copyShift(INDArray conditionerOutput, INDArray shift) {
        Tensors.copyColumns(conditionerOutput, mask.transformSize(), shift, 0, mask.transformSize());
    }

    @Override
    public void setOutputGradient(INDArray gradRaw, INDArray gradShift, INDArray gradConditionerOutput) {
        int dt = mask.transformSize();
        Tensors.copyColumns(gradRaw, 0, gradConditionerOutput, 0, dt);
        Tensors.copyColumns(gradShift, 0, gradConditionerOutput, dt, dt);
    }

    @Override
    public long[] partShape(long n) {
        return new long[] {n, mask.transformSize()};
    }

    @Override
    public INDArray changing(long n, BufferCache buffers) {
        return null;
    }

    @Override
    public void copyPart(INDArray x, INDArray part) {
        Tensors.copyColumns(x, mask.transformStart(), part, 0, mask.transformSize());
    }

    @Override
    public INDArray assemble(INDArray conditionerInput, INDArray part, BufferCache buffers, String name) {
        INDArray y = buffers.get(name, dataType, part.size(0), mask.dimension());
        Tensors.copyColumns(conditionerInput, 0, y, mask.conditionStart(), mask.conditionSize());
        Tensors.copyColumns(part, 0, y, mask.transformStart(), mask.transformSize());
        return y;
    }

    @Override
    public INDArray partGradient(INDArray gradOutput, BufferCache buffers) {
        INDArray g = buffers.get("b.gpart", dataType, gradOutput.size(0), mask.transformSize());
        Tensors.copyColumns(gradOutput, mask.transformStart(), g, 0, mask.transformSize());
        return g;
    }

    @Override
    public void accumulateClampGradient(INDArray perEntry, INDArray clampGradient, BufferCache buffers) {
        int dt = mask.transformSize();
        INDArray columnSums = buffers.get("b.colsum", dataType, dt);
        Tensors.sumOverBatch(perEntry, columnSums);
        clampGradient.addi(columnSums.reshape(1, dt));
    }

    @Override
    public INDArray inputGradient(INDArray gradOutput, INDArray partGradient, INDArray conditionerGradient,
                                  BufferCache buffers) {
        long n = gradOutput.size(0);
        INDArray gx = buffers.get("b.gx", dataType, n, mask.dimension());
        INDArray gxConditioning = buffers.get("b.gxc", dataType, n, mask.conditionSize());
        Tensors.copyColumns(gradOutput, mask.conditionStart(), gxConditioning, 0, mask.conditionSize());
        SmallFloatKernels.addInto(gxConditioning, conditionerGradient);
        Tensors.copyColumns(gxConditioning, 0, gx, mask.conditionStart(), mask.conditionSize());
        Tensors.copyColumns(partGradient, 0, gx, mask.transformStart(), mask.transformSize());
        return gx;
    }
}
