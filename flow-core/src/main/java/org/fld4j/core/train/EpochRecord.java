package org.fld4j.core.train;

import java.time.Duration;

/**
 * What one epoch did.
 *
 * @param epoch           1-based epoch number
 * @param steps           optimiser steps taken in this epoch
 * @param skippedSteps    steps skipped because the loss or gradient was not finite
 * @param trainLoss       mean training loss of the epoch's finite steps (nats per sample), weighted by batch size
 * @param validationLoss  mean negative log-likelihood on the validation set, or NaN if not validated this epoch
 * @param learningRate    the learning rate of the epoch's last step
 * @param elapsed         time since training started, at the end of the epoch
 */
public record EpochRecord(int epoch, long steps, long skippedSteps, double trainLoss, double validationLoss,
                          double learningRate, Duration elapsed) {

    /** Whether this epoch ended with a validation. */
    public boolean validated() {
        return !Double.isNaN(validationLoss);
    }
}
