package org.fld4j.cli.verify;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.data.RandomGaussian;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.LearningRateSchedule;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.core.train.TrainingResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The built-in end-to-end check: train a dense flow on samples of a seeded full-covariance Gaussian
 * and compare its held-out mean log-likelihood with the exact value, {@code -H(p)}.
 */
public final class GaussianDemo {

    /**
     * @param dimension      D of the Gaussian
     * @param seed           seed of the Gaussian, the samples, the weights and the shuffling
     * @param trainSamples   training samples (10% of them validate)
     * @param heldOutSamples fresh samples the result is measured on
     * @param maxEpochs      epoch cap
     * @param timeBudget     wall-clock cap on training
     */
    public record Options(int dimension, long seed, int trainSamples, int heldOutSamples, int maxEpochs,
                          Duration timeBudget) {
        public Options {
            if (dimension < 2) {
                throw new IllegalArgumentException("dimension must be >= 2, got " + dimension);
            }
            if (trainSamples < 100) {
                throw new IllegalArgumentException("trainSamples must be >= 100, got " + trainSamples);
            }
            if (heldOutSamples < 1) {
                throw new IllegalArgumentException("heldOutSamples must be >= 1, got " + heldOutSamples);
            }
        }

        public static Options defaults() {
            return new Options(10, 2024, 20_000, 10_000, 25, Duration.ofSeconds(60));
        }
    }

    /**
     * What the demo measured, in nats per sample.
     *
     * @param flowMeanLogLikelihood   the trained flow's mean log p_theta on the held-out samples
     * @param analyticMeanLogDensity  -H(p), the exact expectation of log p
     * @param trueMeanLogDensity      the true log p averaged over the same held-out samples
     * @param result                  the training result
     */
    public record Result(double flowMeanLogLikelihood, double analyticMeanLogDensity, double trueMeanLogDensity,
                         TrainingResult result) {
        /** How far the flow is from the exact value. */
        public double gap() {
            return analyticMeanLogDensity - flowMeanLogLikelihood;
        }
    }

    private GaussianDemo() {
    }

    /** Runs the demo; progress goes to {@code progress}, nothing to stdout. */
    public static Result run(Options o, PrintStream progress) {
        RandomGaussian p = RandomGaussian.withSeed(o.dimension(), o.seed());
        INDArray train = p.sample(o.trainSamples(), o.seed() + 1, DataType.FLOAT);
        INDArray heldOut = p.sample(o.heldOutSamples(), o.seed() + 2, DataType.FLOAT);
        Flow flow = Flow.dense(o.dimension()).couplings(8).hidden(64).seed(o.seed()).build();
        TrainerOptions options = TrainerOptions.builder().adam(2e-3).schedule(LearningRateSchedule.COSINE)
                .warmupSteps(50).batchSize(256).maxEpochs(o.maxEpochs()).timeBudget(o.timeBudget())
                .validationFraction(0.1).patience(5).seed(o.seed()).build();
        TrainingListener bar = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord r) {
                progress.printf(Locale.ROOT, "\repoch %3d/%d  train %.4f  validation %.4f  %5.1fs ",
                        r.epoch(), o.maxEpochs(), r.trainLoss(), r.validationLoss(), r.elapsed().toMillis() / 1000.0);
                progress.flush();
            }

            @Override
            public void onFinish(org.fld4j.core.train.TrainingHistory h) {
                progress.printf(Locale.ROOT, "%nstopped: %s after %d steps, best epoch %d%n",
                        h.stopReason(), h.totalSteps(), h.bestEpoch());
            }
        };
        TrainingResult result = new Trainer(options, bar).fit(flow, train);
        double model = result.flow().meanLogProb(heldOut);
        double trueMean = 0;
        for (double[] row : heldOut.castTo(DataType.DOUBLE).toDoubleMatrix()) {
            trueMean += p.logDensity(row);
        }
        trueMean /= o.heldOutSamples();
        return new Result(model, -p.entropy(), trueMean, result);
    }

    /** The human-readable report printed on stdout. */
    public static String report(Options o, Result r) {
        return String.format(Locale.ROOT, """
                fld4j demo: a dense RealNVP (8 couplings, MLP 64x64) trained on a %d-D Gaussian with random \
                full covariance (seed %d)
                held-out mean log-likelihood over %,d samples, nats per sample:
                  trained flow      %10.4f
                  analytic (-H(p))  %10.4f
                  true density      %10.4f   (exact log p on the same samples)
                  gap               %10.4f   (analytic - flow)
                """, o.dimension(), o.seed(), o.heldOutSamples(), r.flowMeanLogLikelihood(),
                r.analyticMeanLogDensity(), r.trueMeanLogDensity(), r.gap());
    }
}
