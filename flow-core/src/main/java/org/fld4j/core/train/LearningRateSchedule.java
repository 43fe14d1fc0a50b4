package org.fld4j.core.train;

/**
 * The learning rate after the linear warm-up: constant, or a cosine decay to zero over the
 * planned steps ({@code maxEpochs * stepsPerEpoch}).
 */
public enum LearningRateSchedule {
    CONSTANT,
    COSINE;

    /**
     * The learning rate of step {@code step} (0-based): linear warm-up from {@code base/warmup} to
     * {@code base} over the first {@code warmup} steps, then this schedule.
     */
    public double rate(double base, long step, long warmup, long totalSteps) {
        if (step < warmup) {
            return base * (step + 1) / warmup;
        }
        if (this == CONSTANT || totalSteps <= warmup) {
            return base;
        }
        double progress = Math.min(1.0, (double) (step - warmup) / (totalSteps - warmup));
        return base * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
