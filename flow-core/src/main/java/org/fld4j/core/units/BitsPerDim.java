package org.fld4j.core.units;

/**
 * Bits per dimension: a log-likelihood {@code l} in nats of a sample with {@code D} values is {@code -l / (D ln 2)}
 * bits per value. The one place the formula is written.
 *
 * <p>Two floating-point forms are in use and they may differ in the last bit: dividing by {@code D ln 2}
 * ({@link #of}, {@link #fromNats}) and multiplying by its reciprocal ({@link #ofEach}). Every FLD and D-FLD value,
 * the references' held-out bits per dimension and the per-image scores divide, and those values are compared bit
 * for bit (files, Spark against one machine), so they keep the division. {@link org.fld4j.core.Flow#bitsPerDim}
 * has always multiplied (one division per array rather than per sample); no test pins its values to the bit (they
 * are checked within tolerances), so either form would pass, and it keeps the multiplication so that its results
 * stay exactly what they were.
 */
public final class BitsPerDim {

    private BitsPerDim() {
    }

    /** {@code -logLikelihood / (dimension ln 2)}: the bits per dimension of a (mean) log-likelihood in nats. */
    public static double of(double logLikelihood, long dimension) {
        return -logLikelihood / (dimension * Math.log(2));
    }

    /**
     * {@code nats / (dimension ln 2)}, no change of sign: a negative log-likelihood (a training loss) or a
     * difference of log-likelihoods (D-FLD's J) in bits per dimension.
     */
    public static double fromNats(double nats, long dimension) {
        return nats / (dimension * Math.log(2));
    }

    /**
     * {@code -logLikelihood[i] * (1 / (dimension ln 2))} for each sample: the multiplying form of
     * {@link org.fld4j.core.Flow#bitsPerDim} (see the class comment for why it is not {@link #of}).
     *
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public static double[] ofEach(double[] logLikelihoods, long dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        double scale = 1.0 / (dimension * Math.log(2));
        double[] out = new double[logLikelihoods.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = -logLikelihoods[i] * scale;
        }
        return out;
    }
}
