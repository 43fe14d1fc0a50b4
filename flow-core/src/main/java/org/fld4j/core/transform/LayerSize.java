package org.fld4j.core.transform;

/**
 * What a layer will need, worked out from its {@link LayerConfig} alone before the layer is built: its number of
 * trainable parameters and an upper estimate of the values it keeps per sample during a pass (its output, and the
 * activations of a conditioner network). A flow file is checked against these before any layer or array exists.
 * Computed with exact arithmetic: sizes that overflow a long are an {@link ArithmeticException}.
 *
 * @param parameters          trainable parameters
 * @param workValuesPerSample values kept per sample during a forward pass (an estimate from above)
 */
public record LayerSize(long parameters, long workValuesPerSample) {

    public LayerSize {
        if (parameters < 0 || workValuesPerSample < 0) {
            throw new IllegalArgumentException("a layer size cannot be negative: " + parameters + " parameters, "
                    + workValuesPerSample + " work values");
        }
    }

    /** The sum of two sizes. */
    public LayerSize plus(LayerSize other) {
        return new LayerSize(Math.addExact(parameters, other.parameters),
                Math.addExact(workValuesPerSample, other.workValuesPerSample));
    }

    /** {@code count} layers of this size. */
    public LayerSize times(long count) {
        return new LayerSize(Math.multiplyExact(parameters, count), Math.multiplyExact(workValuesPerSample, count));
    }

    /** A positive integer attribute, named in the message when it is not. */
    public static int positive(LayerConfig config, String key) {
        int v = config.getInt(key);
        if (v < 1) {
            throw new IllegalArgumentException("layer '" + config.type() + "' attribute '" + key
                    + "' must be positive, got " + v);
        }
        return v;
    }

    /** The product of a shape attribute's sizes, each of which must be positive. */
    public static long sampleSize(LayerConfig config, String key) {
        long n = 1;
        for (long s : config.getLongArray(key)) {
            if (s < 1) {
                throw new IllegalArgumentException("layer '" + config.type() + "' attribute '" + key
                        + "' must hold positive sizes, got " + s);
            }
            n = Math.multiplyExact(n, s);
        }
        return n;
    }
}
