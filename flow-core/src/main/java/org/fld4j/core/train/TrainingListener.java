package org.fld4j.core.train;

/**
 * Receives progress from a {@link Trainer}, on the training thread: keep callbacks quick. All
 * methods have empty defaults.
 */
public interface TrainingListener {

    /** Before the first step. */
    default void onStart(TrainerOptions options, long trainSamples, long validationSamples, long stepsPerEpoch) {
    }

    /** After each optimiser step (also after a skipped one, with a non-finite loss). */
    default void onStep(long step, int epoch, double loss, double learningRate) {
    }

    /** After each epoch. */
    default void onEpoch(EpochRecord record) {
    }

    /** After training ended, before the result is returned. */
    default void onFinish(TrainingHistory history) {
    }
}
