package org.fld4j.benchmarks.lab;

import java.util.Locale;
import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.MultivariateGaussian;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabListener;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.LabPhase;
import org.fld4j.metrics.gaussian.lab.LabRow;
import org.fld4j.metrics.gaussian.lab.LogLikelihoodScorer;
import org.fld4j.metrics.gaussian.lab.ScoredSample;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.fld4j.metrics.likelihood.KernelDensityEstimate;
import org.fld4j.metrics.likelihood.LikelihoodBoundsDetector;
import org.fld4j.metrics.likelihood.OverlapCoefficient;

/**
 * Times one cell of the Gaussian lab's grid end to end, by phase: D = 100 (or the first argument) and
 * N = 1,000,000 test samples (or the second), with the preset flow for D, untrained (scoring costs the
 * same as for a trained flow; training is timed by the trainer's own history).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fld4j.benchmarks.lab.GridCellTiming [D] [N] [threads]
 * </pre>
 *
 * <p>Prints, for one set of N samples: drawing and the true log-density (Java, double precision), the
 * model's log-likelihoods, the summaries of the cell (two kernel density curves, two overlaps, two
 * true-negative rates and two AUROCs), and a whole {@code GaussianLab.evaluate} of one cell (which also
 * scores the N-sample reference set).
 */
public final class GridCellTiming {

    private GridCellTiming() {
    }

    public static void main(String[] args) {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int n = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        NativeThreads.set(threads);
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(d).families(TestFamily.AFFINE)
                .scales(1.0).shifts(0.5).testSamples(n).build();
        GaussianLab lab = new GaussianLab(options);
        GaussianTestBed bed = lab.testBed(d);
        MultivariateGaussian p = bed.training();
        MultivariateGaussian q = bed.distribution(TestFamily.AFFINE, 1.0, 0.5, 0, 0);
        Flow model = FlowPreset.forDimension(d).flow(d, 0);
        System.out.printf(Locale.ROOT, "D=%d N=%,d threads=%d, model %,d parameters%n", d, n, threads,
                model.parameterCount());

        // Drawing and the true log-density, chunk by chunk as the lab does it.
        int chunk = options.chunkRows();
        double[] buffer = new double[chunk * d];
        double[] logP = new double[n];
        SplittableRandom random = new SplittableRandom(1);
        long t0 = System.nanoTime();
        for (int start = 0; start < n; start += chunk) {
            q.sample(random, Math.min(chunk, n - start), buffer);
        }
        long t1 = System.nanoTime();
        random = new SplittableRandom(1);
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            q.sample(random, rows, buffer);
            p.logDensities(buffer, rows, logP, start);
        }
        long t2 = System.nanoTime();
        report("sample", n, t1 - t0);
        report("log-density", n, (t2 - t1) - (t1 - t0));

        ScoredSample test = new LogLikelihoodScorer(p, model, chunk, options.modelBatchSize()).score(q, n, 2);
        long t3 = System.nanoTime();
        report("sample + log-density + model", n, t3 - t2);
        report("model alone (by difference)", n, (t3 - t2) - (t2 - t1));

        ScoredSample reference = new LogLikelihoodScorer(p, model, chunk, options.modelBatchSize()).score(p, n, 3);
        long t4 = System.nanoTime();
        double[] refModel = reference.modelLogLikelihood();
        double[] refTrue = reference.trueLogDensity();
        double[] testModel = test.modelLogLikelihood();
        double[] testTrue = test.trueLogDensity();
        LikelihoodBoundsDetector modelBounds = LikelihoodBoundsDetector.fit(refModel, 0.975);
        LikelihoodBoundsDetector trueBounds = LikelihoodBoundsDetector.fit(refTrue, 0.975);
        long t5 = System.nanoTime();
        KernelDensityEstimate refModelKde = KernelDensityEstimate.of(refModel, BandwidthRule.SILVERMAN);
        KernelDensityEstimate refTrueKde = KernelDensityEstimate.of(refTrue, BandwidthRule.SILVERMAN);
        KernelDensityEstimate testModelKde = KernelDensityEstimate.of(testModel, BandwidthRule.SILVERMAN);
        KernelDensityEstimate testTrueKde = KernelDensityEstimate.of(testTrue, BandwidthRule.SILVERMAN);
        testModelKde.curve(options.kdePoints());
        testTrueKde.curve(options.kdePoints());
        long t6 = System.nanoTime();
        double ovlModel = OverlapCoefficient.of(testModelKde, refModelKde);
        double ovlTrue = OverlapCoefficient.of(testTrueKde, refTrueKde);
        long t7 = System.nanoTime();
        double tnrModel = modelBounds.trueNegativeRate(testModel);
        double tnrTrue = trueBounds.trueNegativeRate(testTrue);
        double aurocModel = modelBounds.auroc(testModel);
        double aurocTrue = trueBounds.auroc(testTrue);
        long t8 = System.nanoTime();
        report("fit two pairs of bounds", n, t5 - t4);
        report("four KDEs (bandwidths) + two curves", n, t6 - t5);
        report("two overlaps", n, t7 - t6);
        report("two TNRs + two AUROCs", n, t8 - t7);
        System.out.printf(Locale.ROOT, "  (OVL %.4f / %.4f, TNR %.4f / %.4f, AUROC %.4f / %.4f: model / true)%n",
                ovlModel, ovlTrue, tnrModel, tnrTrue, aurocModel, aurocTrue);

        long[] phaseStart = new long[1];
        GaussianLabListener listener = new GaussianLabListener() {
            @Override
            public void onPhase(int dimension, LabPhase phase) {
                long now = System.nanoTime();
                if (phase == LabPhase.CELLS) {
                    report("evaluate: reference set", n, now - phaseStart[0]);
                }
                phaseStart[0] = now;
            }

            @Override
            public void onCell(LabRow row, int cellsDone, int cellsTotal) {
                report("evaluate: one cell", n, System.nanoTime() - phaseStart[0]);
            }
        };
        long t9 = System.nanoTime();
        lab.evaluate(bed, model, listener);
        report("evaluate: total", n, System.nanoTime() - t9);
    }

    private static void report(String what, int n, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-40s %8.2f s  %,12.0f samples/s%n", what, seconds, n / seconds);
    }
}
