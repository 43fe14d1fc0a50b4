package org.fld4j.cli.fld;

import java.util.Objects;
import org.fld4j.core.train.TrainingHistory;

/**
 * How a reference flow was trained in this run.
 *
 * @param history the trainer's record: epochs, why it stopped, steps
 * @param seconds wall-clock time of the whole training, reading the images and scoring the held-out ones included
 */
public record TrainingRun(TrainingHistory history, double seconds) {

    public TrainingRun {
        Objects.requireNonNull(history, "history");
    }
}
