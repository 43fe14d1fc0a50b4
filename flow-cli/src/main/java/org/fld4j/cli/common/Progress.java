package org.fld4j.cli.common;

import java.time.Duration;
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
 * size (images scored, cells of a grid) and {@link #training} as the listener of a training run. On a terminal the
 * bars are redrawn in place; otherwise (a log file, a pipe) each bar writes a few whole lines instead
 * ({@link ProgressDisplay}, {@link RateLimitedLines}).
 */
public final class Progress implements AutoCloseable {

    /** Decided once per process: whether stderr is a terminal does not change while it runs. */
    private static final ProgressDisplay DISPLAY = ProgressDisplay.detect();

    private final ProgressBar bar;
    private final RateLimitedLines lines;

    private Progress(ProgressBar bar, RateLimitedLines lines) {
        this.bar = bar;
        this.lines = lines;
    }

    /** A bar for {@code total} units of {@code unit} (e.g. "images"). */
    public static Progress count(String task, long total, String unit) {
        if (Cli.quiet()) {
            return new Progress(null, null);
        }
        boolean bars = DISPLAY == ProgressDisplay.BARS;
        RateLimitedLines lines = bars ? null : new RateLimitedLines(Cli.err(), System::nanoTime);
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(bars ? 250 : 1000)
                .setConsumer(bars ? new ConsoleProgressBarConsumer(Cli.err()) : lines)
                .build(), lines);
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
        if (lines != null) {
            // A bar closed before its first scheduled update hands its final rendering over without closing the
            // consumer; closing it here prints that line (a second close prints nothing).
            lines.close();
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
            private Duration budget;
            private long started;
            private long stepsDone;

            @Override
            public void onStart(TrainerOptions options, long trainSamples, long validationSamples, long steps) {
                stepsPerEpoch = steps;
                maxEpochs = options.maxEpochs();
                budget = options.timeBudget();
                started = System.nanoTime();
                stepsDone = 0;
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
                    // Short, so that the bar keeps its width on an 80-column terminal; the task is named by the
                    // line that starts the run.
                    epochBar = count(String.format(Locale.ROOT, "epoch %d/%d", epoch, maxEpochs), stepsPerEpoch,
                            "steps");
                }
                stepsDone++;
                epochBar.step(1);
                epochBar.message(String.format(Locale.ROOT, "loss %.3f, run <= %s", loss,
                        Durations.human(eta().remaining())));
            }

            @Override
            public void onEpoch(EpochRecord record) {
                closeBar();
                Cli.message(String.format(Locale.ROOT, "%s epoch %d: training loss %.4f nats%s, %s; run %s", task,
                        record.epoch(), record.trainLoss(), record.validated()
                                ? String.format(Locale.ROOT, ", validation %.4f", record.validationLoss()) : "",
                        Durations.human(record.elapsed()), eta().text()));
            }

            private TrainingEta eta() {
                return TrainingEta.of(Duration.ofNanos(System.nanoTime() - started), stepsDone,
                        stepsPerEpoch * maxEpochs, maxEpochs, budget);
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
