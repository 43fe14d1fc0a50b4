package org.fld4j.core.train;

/**
 * Training produced too many non-finite losses or gradients in a row (typically a learning rate
 * too high for the data scale, or data containing NaN/Inf).
 */
public final class NonFiniteLossException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long step;

    public NonFiniteLossException(long step, int epoch, int consecutive, double loss) {
        super("training stopped at step " + step + " (epoch " + epoch + "): the loss or gradient was not finite ("
                + "loss " + loss + ") for " + consecutive + " steps in a row; lower the learning rate, enable"
                + " gradient clipping, or check the data for NaN/Inf");
        this.step = step;
    }

    /** The 0-based step at which training gave up. */
    public long step() {
        return step;
    }
}
