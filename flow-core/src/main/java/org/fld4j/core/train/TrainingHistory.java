package org.fld4j.core.train;

import java.time.Duration;
import java.util.List;

/**
 * The record of a training run.
 *
 * @param epochs             one record per completed (or budget-cut) epoch
 * @param stopReason         why training ended
 * @param bestEpoch          epoch whose weights were kept (the best validation), or the last epoch
 *                           when there was no validation
 * @param bestValidationLoss the best validation loss, or NaN without validation
 * @param totalSteps         optimiser steps taken
 * @param skippedSteps       steps skipped as non-finite
 * @param elapsed            wall-clock time of the run
 */
public record TrainingHistory(List<EpochRecord> epochs, StopReason stopReason, int bestEpoch,
                              double bestValidationLoss, long totalSteps, long skippedSteps, Duration elapsed) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }
}
