package org.fld4j.core;

import java.util.Arrays;
import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.coupling.CouplingForm;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hyper-parameters of a dense (vector) RealNVP-style flow, validated on construction.
 *
 * <p>Each of the {@code couplings} steps is: an optional {@link org.fld4j.core.layer.ActNorm}, an
 * optional mixing layer ({@link Mixing}), then an affine coupling under a half mask that alternates
 * between steps; the coupling's conditioner is an MLP with {@code hiddenLayers} layers of
 * {@code hiddenWidth} units.
 *
 * @param dimension    D, the number of features (at least 2)
 * @param couplings    number of coupling steps (at least 1)
 * @param hiddenWidth  units per hidden layer of each conditioner (at least 1)
 * @param hiddenLayers hidden layers per conditioner (at least 1)
 * @param activation   conditioner activation
 * @param form         how scale and shift are applied
 * @param mixing       what mixes features between couplings
 * @param actNorm      whether each step starts with ActNorm
 * @param dataType     FLOAT or DOUBLE
 * @param seed         seed of the initial weights (and of random permutations)
 */
public record DenseFlowOptions(int dimension, int couplings, int hiddenWidth, int hiddenLayers,
                               Activation activation, CouplingForm form, Mixing mixing, boolean actNorm,
                               DataType dataType, long seed) {

    /** What mixes the features between couplings (beyond the alternating mask). */
    public enum Mixing {
        /** Nothing: the alternating half mask alone (as the reference RealNVP). */
        NONE,
        /** Reverse the feature order. */
        REVERSE,
        /** A seeded random permutation per step. */
        RANDOM_PERMUTATION,
        /** A learned LU-parametrised invertible linear map per step. */
        INVERTIBLE_LINEAR
    }

    public DenseFlowOptions {
        require(dimension >= 2, "dimension", dimension, "must be >= 2");
        require(couplings >= 1, "couplings", couplings, "must be >= 1");
        require(hiddenWidth >= 1, "hiddenWidth", hiddenWidth, "must be >= 1");
        require(hiddenLayers >= 1, "hiddenLayers", hiddenLayers, "must be >= 1");
        require(activation != null, "activation", null, "must not be null");
        require(form != null, "form", null, "must not be null");
        require(mixing != null, "mixing", null, "must not be null");
        require(dataType == DataType.FLOAT || dataType == DataType.DOUBLE, "dataType", dataType,
                "must be FLOAT or DOUBLE");
    }

    private static void require(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("option " + option + " " + rule + ", got " + value);
        }
    }

    /** Defaults: 8 couplings, 2 hidden layers of 256 ReLU units, affine form, no mixing, float32, seed 0. */
    public static DenseFlowOptions defaults(int dimension) {
        return new DenseFlowOptions(dimension, 8, 256, 2, Activation.RELU, CouplingForm.AFFINE, Mixing.NONE,
                false, DataType.FLOAT, 0L);
    }

    /** The hidden widths of one conditioner. */
    public int[] hiddenWidths() {
        int[] widths = new int[hiddenLayers];
        Arrays.fill(widths, hiddenWidth);
        return widths;
    }
}
