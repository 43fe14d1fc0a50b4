package org.fld4j.cli.common;

import java.time.Duration;

/**
 * When a training run will have ended at the latest: at the pace so far, the steps left to its epoch limit, or
 * what is left of its time budget, whichever comes first (early stopping can end it sooner still).
 *
 * @param remaining the time left at most
 * @param bound     what ends the run first: "N epochs" or "time budget"
 */
record TrainingEta(Duration remaining, String bound) {

    /**
     * @param elapsed    time since the run's first step
     * @param stepsDone  steps finished
     * @param totalSteps steps of all epochs up to the limit
     * @param maxEpochs  the epoch limit, for the message
     * @param budget     the run's time budget
     */
    static TrainingEta of(Duration elapsed, long stepsDone, long totalSteps, int maxEpochs, Duration budget) {
        Duration budgetLeft = budget.minus(elapsed);
        if (budgetLeft.isNegative()) {
            budgetLeft = Duration.ZERO;
        }
        if (stepsDone < 1) {
            return new TrainingEta(budgetLeft, "time budget");
        }
        long stepsLeft = Math.max(0, totalSteps - stepsDone);
        // nanos per step times steps left, in double: a day of nanos times a million steps overflows a long
        double nanos = (double) elapsed.toNanos() / stepsDone * stepsLeft;
        Duration epochsLeft = nanos >= budgetLeft.toNanos() ? budgetLeft : Duration.ofNanos(Math.round(nanos));
        return epochsLeft.compareTo(budgetLeft) < 0
                ? new TrainingEta(epochsLeft, maxEpochs + " epochs")
                : new TrainingEta(budgetLeft, "time budget");
    }

    /** E.g. {@code "ends within 1h 05m (200 epochs)"}. */
    String text() {
        return "ends within " + Durations.human(remaining) + " (" + bound + ")";
    }
}
