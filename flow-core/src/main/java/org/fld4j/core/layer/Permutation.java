package org.fld4j.core.layer;

import java.util.random.RandomGenerator;
import org.fld4j.core.internal.random.Shuffles;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.memory.WorkArrays;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed permutation of the features of a vector, {@code y[j] = x[perm[j]]}; volume-preserving, so
 * its log-determinant is 0.
 */
public final class Permutation implements Transform, WorkArrays {

    public static final String TYPE = "permutation";

    private final int[] permutation;
    private final int[] inversePermutation;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private final INDArray forwardIndex;
    private final INDArray inverseIndex;

    public Permutation(int[] permutation, DataType dataType) {
        this.permutation = permutation.clone();
        this.inversePermutation = new int[permutation.length];
        boolean[] seen = new boolean[permutation.length];
        for (int j = 0; j < permutation.length; j++) {
            int p = permutation[j];
            if (p < 0 || p >= permutation.length || seen[p]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (permutation.length - 1)
                        + ": index " + j + " maps to " + p);
            }
            seen[p] = true;
            inversePermutation[p] = j;
        }
        this.dataType = dataType;
        this.forwardIndex = Nd4j.createFromArray(this.permutation);
        this.inverseIndex = Nd4j.createFromArray(inversePermutation);
    }

    /** Reverses the order of the features. */
    public static Permutation reverse(int dimension, DataType dataType) {
        int[] p = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            p[i] = dimension - 1 - i;
        }
        return new Permutation(p, dataType);
    }

    /** A uniformly random permutation (Fisher-Yates) drawn from {@code random}. */
    public static Permutation random(int dimension, RandomGenerator random, DataType dataType) {
        return new Permutation(Shuffles.permutation(dimension, random), dataType);
    }

    public static Permutation fromConfig(LayerConfig c) {
        return new Permutation(c.getIntArray("permutation"), c.getEnum("dataType", DataType.class));
    }

    /** Parameters (none) and work of the layer {@link #fromConfig} would build, from the config alone. */
    public static LayerSize size(LayerConfig c) {
        return new LayerSize(0, 2L * c.getIntArray("permutation").length);
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE).put("permutation", permutation).put("dataType", dataType.name()).build();
    }

    @Override
    public long[] inputShape() {
        return new long[] {permutation.length};
    }

    @Override
    public long[] outputShape() {
        return inputShape();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    private INDArray gather(INDArray x, INDArray index, String name) {
        INDArray out = buffers.get(name, dataType, x.size(0), permutation.length);
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(x, index).addIntegerArguments(1)
                .addOutputs(out).build());
        return out;
    }

    private INDArray zeros(long n, String name) {
        return buffers.get(name, DataType.DOUBLE, n);
    }

    @Override
    public Transformed forward(INDArray x) {
        return new Transformed(gather(x, forwardIndex, "y"), zeros(x.size(0), "logdet"));
    }

    @Override
    public Transformed inverse(INDArray y) {
        return new Transformed(gather(y, inverseIndex, "inv.x"), zeros(y.size(0), "logdet"));
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        return gather(gradOutput, inverseIndex, "b.gx");
    }

    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
