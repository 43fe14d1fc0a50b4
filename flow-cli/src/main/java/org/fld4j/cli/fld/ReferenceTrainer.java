package org.fld4j.cli.fld;

import java.util.concurrent.atomic.AtomicReference;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.Progress;
import org.fld4j.core.train.NonFiniteLossException;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.RealSetDescription;

/** Trains a reference flow on real images with progress bars on stderr, and times it. */
final class ReferenceTrainer {

    private ReferenceTrainer() {
    }

    /** A trained reference and how its training went. */
    record Trained(Fld fld, TrainingRun run) {
    }

    /**
     * Trains the reference of {@code real} (already preprocessed) with {@code options}; its card records
     * {@code description}.
     *
     * @throws CliException with {@link ExitCode#TRAINING_DIVERGED} when the loss stops being finite
     */
    static Trained train(ImageSource real, FldOptions options, RealSetDescription description) {
        AtomicReference<TrainingHistory> history = new AtomicReference<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onFinish(TrainingHistory h) {
                history.set(h);
            }
        };
        long start = System.nanoTime();
        Fld fld = Fld.of(real).options(options).description(description.text())
                .listener(Progress.training("reference flow")).listener(recorder);
        if (description.preprocessing() != null) {
            fld = fld.preprocessing(description.preprocessing());
        }
        try {
            fld.train();
        } catch (NonFiniteLossException e) {
            throw new CliException(ExitCode.TRAINING_DIVERGED, "training the " + options.preset().id()
                    + " reference flow on " + real.description() + " diverged: " + e.getMessage(), e);
        }
        return new Trained(fld, new TrainingRun(history.get(), (System.nanoTime() - start) / 1e9));
    }
}
