package org.fld4j.core.coupling;

/**
 * The half split of a vector for dense couplings: the first {@code floor(D/2)} features and the
 * rest. With {@code inverted = false} the first half conditions and the second is transformed;
 * alternating {@code inverted} between consecutive couplings lets every feature be transformed.
 *
 * @param dimension D, at least 2
 * @param inverted  whether the second half conditions
 */
public record HalfMask(int dimension, boolean inverted) {

    public HalfMask {
        if (dimension < 2) {
            throw new IllegalArgumentException("a half mask needs dimension >= 2, got " + dimension);
        }
    }

    /** The mask of coupling number {@code index} in an alternating stack. */
    public static HalfMask alternating(int dimension, int index) {
        return new HalfMask(dimension, index % 2 == 1);
    }

    private int split() {
        return dimension / 2;
    }

    /** First conditioning feature (inclusive). */
    public int conditionStart() {
        return inverted ? split() : 0;
    }

    /** Last conditioning feature (exclusive). */
    public int conditionEnd() {
        return inverted ? dimension : split();
    }

    /** First transformed feature (inclusive). */
    public int transformStart() {
        return inverted ? 0 : split();
    }

    /** Last transformed feature (exclusive). */
    public int transformEnd() {
        return inverted ? split() : dimension;
    }

    public int conditionSize() {
        return conditionEnd() - conditionStart();
    }

    public int transformSize() {
        return transformEnd() - transformStart();
    }
}
