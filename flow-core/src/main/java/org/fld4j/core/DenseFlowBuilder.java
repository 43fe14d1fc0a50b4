package org.fld4j.core;

import org.fld4j.core.transform.Transform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.layer.ActNorm;
import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.coupling.Coupling;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.coupling.HalfMask;
import org.fld4j.core.layer.InvertibleLinear;
import org.fld4j.core.layer.Permutation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Fluent construction of a dense flow: {@code Flow.dense(10).couplings(8).hidden(256).build()}.
 * Values are checked when the options are assembled ({@link #options()} / {@link #build()}), by
 * {@link DenseFlowOptions}, which names the offending option and value.
 */
public final class DenseFlowBuilder {

    private final int dimension;
    private int couplings;
    private int hiddenWidth;
    private int hiddenLayers;
    private Activation activation;
    private CouplingForm form;
    private DenseFlowOptions.Mixing mixing;
    private boolean actNorm;
    private DataType dataType;
    private long seed;

    DenseFlowBuilder(int dimension) {
        DenseFlowOptions d = DenseFlowOptions.defaults(dimension);
        this.dimension = d.dimension();
        this.couplings = d.couplings();
        this.hiddenWidth = d.hiddenWidth();
        this.hiddenLayers = d.hiddenLayers();
        this.activation = d.activation();
        this.form = d.form();
        this.mixing = d.mixing();
        this.actNorm = d.actNorm();
        this.dataType = d.dataType();
        this.seed = d.seed();
    }

    public DenseFlowBuilder couplings(int couplings) {
        this.couplings = couplings;
        return this;
    }

    public DenseFlowBuilder hidden(int width) {
        this.hiddenWidth = width;
        return this;
    }

    public DenseFlowBuilder hiddenLayers(int layers) {
        this.hiddenLayers = layers;
        return this;
    }

    public DenseFlowBuilder activation(Activation activation) {
        this.activation = activation;
        return this;
    }

    public DenseFlowBuilder form(CouplingForm form) {
        this.form = form;
        return this;
    }

    public DenseFlowBuilder mixing(DenseFlowOptions.Mixing mixing) {
        this.mixing = mixing;
        return this;
    }

    public DenseFlowBuilder actNorm(boolean actNorm) {
        this.actNorm = actNorm;
        return this;
    }

    public DenseFlowBuilder dataType(DataType dataType) {
        this.dataType = dataType;
        return this;
    }

    public DenseFlowBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The validated options collected so far. */
    public DenseFlowOptions options() {
        return new DenseFlowOptions(dimension, couplings, hiddenWidth, hiddenLayers, activation, form, mixing, actNorm,
                dataType, seed);
    }

    public Flow build() {
        return build(options());
    }

    /** Builds a fresh dense flow (every coupling the identity) from validated options. */
    public static Flow build(DenseFlowOptions options) {
        int d = options.dimension();
        DataType type = options.dataType();
        // Structure randomness (permutations, rotations) gets its own stream, apart from the weights.
        SplittableRandom structure = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        List<Transform> layers = new ArrayList<>();
        for (int k = 0; k < options.couplings(); k++) {
            if (options.actNorm()) {
                layers.add(new ActNorm(d, type, false));
            }
            switch (options.mixing()) {
                case NONE -> { }
                case REVERSE -> layers.add(Permutation.reverse(d, type));
                case RANDOM_PERMUTATION -> layers.add(Permutation.random(d, structure.split(), type));
                case INVERTIBLE_LINEAR -> layers.add(InvertibleLinear.randomRotation(d, structure.split(), type));
                default -> throw new IllegalStateException(options.mixing().name());
            }
            layers.add(Coupling.dense(HalfMask.alternating(d, k), options.hiddenWidths(), options.activation(),
                    options.form(), type));
        }
        return Flow.of(FlowNetwork.create(new long[] {d}, type, layers, options.seed()));
    }
}
