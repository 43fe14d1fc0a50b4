package org.fld4j.metrics.gaussian.lab;

import org.fld4j.core.train.EpochRecord;

/**
 * Receives the Gaussian lab's progress, on the thread that runs it: keep callbacks quick. All methods
 * have empty defaults.
 */
public interface GaussianLabListener {

    /** A dimension enters a phase. */
    default void onPhase(int dimension, LabPhase phase) {
    }

    /** The flow of a dimension finished a training epoch. */
    default void onTrainingEpoch(int dimension, EpochRecord epoch) {
    }

    /** A cell of the table is done: {@code cellsDone} of {@code cellsTotal} over the whole run. */
    default void onCell(LabRow row, int cellsDone, int cellsTotal) {
    }
}
