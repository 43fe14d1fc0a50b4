package org.fld4j.cli.experiment;

import java.util.Locale;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.Durations;
import org.fld4j.cli.common.Progress;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.metrics.gaussian.lab.GaussianLabListener;
import org.fld4j.metrics.gaussian.lab.LabPhase;
import org.fld4j.metrics.gaussian.lab.LabRow;

/**
 * The Gaussian lab's progress on stderr: a line per phase and per training epoch, and a bar with an ETA over each
 * dimension's cells. Close it when the run ends, normally or not, so that the last bar is closed.
 */
final class LabProgress implements GaussianLabListener, AutoCloseable {

    private final int cellsPerDimension;
    private Progress cells;

    LabProgress(int cellsPerDimension) {
        this.cellsPerDimension = cellsPerDimension;
    }

    @Override
    public void onPhase(int dimension, LabPhase phase) {
        close();
        switch (phase) {
            case GENERATING -> Cli.message("D=" + dimension + ": drawing p and the test distributions");
            case TRAINING -> Cli.message("D=" + dimension + ": training the flow");
            case REFERENCE -> Cli.message("D=" + dimension + ": scoring the reference set");
            case CELLS -> cells = Progress.count("D=" + dimension + " cells", cellsPerDimension, "cells");
        }
    }

    @Override
    public void onTrainingEpoch(int dimension, EpochRecord epoch) {
        Cli.message(String.format(Locale.ROOT, "D=%d epoch %d: training loss %.4f nats%s, %s", dimension,
                epoch.epoch(), epoch.trainLoss(), epoch.validated()
                        ? String.format(Locale.ROOT, ", validation %.4f", epoch.validationLoss()) : "",
                Durations.human(epoch.elapsed())));
    }

    @Override
    public void onCell(LabRow row, int cellsDone, int cellsTotal) {
        if (cells != null) {
            cells.step(1);
        }
    }

    @Override
    public void close() {
        if (cells != null) {
            cells.close();
            cells = null;
        }
    }
}
