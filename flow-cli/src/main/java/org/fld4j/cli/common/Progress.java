package org.fld4j.cli.common;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.core.train.TrainingListener;

/**
 * Progress bars with an ETA on stderr, silent under {@code --quiet}. Use {@link #count} for work of known
 * size (images scored, cells of a grid) and {@link #training} as the listener of a training run.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for {@code total} units of {@code unit} (e.g. "images"). */
    public static Progress count(String task, long total, String unit) {
        if (Cli.quiet()) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(Cli.err()))
                .build());
    }

    /** Advances by {@code n} units. */
    public void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /** Sets the bar's extra message (e.g. the current loss). */
    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /**
     * A training listener: one bar per epoch over its steps, showing the loss; one line per finished epoch with
     * the training and validation bits/dim.
     */
    public static TrainingListener training(String task) {
        return new TrainingListener() {
            private Progress epochBar;
            private long stepsPerEpoch;
            private int maxEpochs;
            private int currentEpoch = -1;

            @Override
            public void onStart(TrainerOptions options, long trainSamples, long validationSamples, long steps) {
                stepsPerEpoch = steps;
                maxEpochs = options.maxEpochs();
                // one listener hears every flow of an ensemble: the next flow's epoch 1 needs a bar of its own even
                // when the last flow stopped after its epoch 1
                currentEpoch = -1;
                Cli.message(String.format(Locale.ROOT, "%s: %d training and %d validation samples, %d steps an epoch,"
                                + " at most %d epochs or %s", task, trainSamples, validationSamples, steps, maxEpochs,
                        Durations.human(options.timeBudget())));
            }

            @Override
            public void onStep(long step, int epoch, double loss, double learningRate) {
                if (epoch != currentEpoch) {
                    closeBar();
                    currentEpoch = epoch;
                    epochBar = count(String.format(Locale.ROOT, "%s epoch %d/%d", task, epoch, maxEpochs),
                            stepsPerEpoch, "steps");
                }
                epochBar.step(1);
                epochBar.message(String.format(Locale.ROOT, "loss %.4f", loss));
            }

            @Override
            public void onEpoch(EpochRecord record) {
                closeBar();
                Cli.message(String.format(Locale.ROOT, "%s epoch %d: training loss %.4f nats%s, %s", task,
                        record.epoch(), record.trainLoss(), record.validated()
                                ? String.format(Locale.ROOT, ", validation %.4f", record.validationLoss()) : "",
                        Durations.human(record.elapsed())));
            }

            @Override
            public void onFinish(TrainingHistory history) {
                closeBar();
            }

            private void closeBar() {
                if (epochBar != null) {
                    epochBar.close();
                    epochBar = null;
                }
            }
        };
    }
}
