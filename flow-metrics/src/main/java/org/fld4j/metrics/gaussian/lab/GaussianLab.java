package org.fld4j.metrics.gaussian.lab;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.Flow;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.core.train.TrainingResult;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.MultivariateGaussian;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.Seeds.LabStream;
import org.fld4j.metrics.likelihood.CrossEntropyEstimator;
import org.fld4j.metrics.likelihood.KernelDensityEstimate;
import org.fld4j.metrics.likelihood.LikelihoodBoundsDetector;
import org.fld4j.metrics.likelihood.OverlapCoefficient;
import org.fld4j.metrics.likelihood.SampleEstimate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gaussian lab: trains a dense flow on a Gaussian p with a known density and measures where its
 * likelihoods go wrong on test distributions around p (affine, perturbed and outlier variants over a
 * grid of scales s and shifts t), in one call.
 *
 * <p>Per dimension D: draw p, the outlier base and the perturbation ({@link GaussianTestBed}); train the
 * preset's flow on samples of p; score a reference set of N fresh samples of p under p and the model,
 * fit likelihood bounds on it (one pair for the model, one for p) and estimate the densities of its
 * log-likelihoods; then for every cell (family, s, t) draw N samples of q, score them in chunks and
 * compute the cross-entropies, KL divergences, true-negative rates, overlaps, AUROCs and curves of a
 * {@link LabRow} and {@link CellCurves}. Every draw has its own seed derived from the lab's seed and
 * the cell's coordinates, so a cell's numbers do not depend on which other cells run.
 *
 * <pre>{@code
 * GaussianLabResult result = new GaussianLab(GaussianLabOptions.defaults()).run(listener);
 * result.writeCsv(Path.of("lab.csv"));
 * result.writeJson(Path.of("lab.json"));
 * }</pre>
 */
public final class GaussianLab {

    private static final Logger LOG = LoggerFactory.getLogger(GaussianLab.class);

    private final GaussianLabOptions options;

    public GaussianLab(GaussianLabOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    public GaussianLabOptions options() {
        return options;
    }

    /** Runs the whole grid. */
    public GaussianLabResult run() {
        return run(new GaussianLabListener() { });
    }

    /** Runs the whole grid, reporting progress to {@code listener}. */
    public GaussianLabResult run(GaussianLabListener listener) {
        Progress progress = new Progress(options.cellCount());
        List<GaussianLabResult> parts = new ArrayList<>();
        for (int d : options.dimensions()) {
            parts.add(runDimension(d, listener, progress));
        }
        return GaussianLabResult.concatenate(options, parts);
    }

    /**
     * One dimension of {@link #run}: its test bed, its flow's training and every cell of its grid. Every draw is
     * seeded by the lab's seed and the dimension, so the part equals that dimension's part of {@link #run}, and
     * {@link GaussianLabResult#concatenate} of the parts in the options' order equals the whole run (one machine
     * per dimension, e.g. on Spark).
     */
    public GaussianLabResult runDimension(int dimension, GaussianLabListener listener) {
        if (!options.dimensions().contains(dimension)) {
            throw new IllegalArgumentException("dimension " + dimension + " is not one of the lab's "
                    + options.dimensions());
        }
        return runDimension(dimension, listener, new Progress(options.cellsPerDimension()));
    }

    private GaussianLabResult runDimension(int d, GaussianLabListener listener, Progress progress) {
        listener.onPhase(d, LabPhase.GENERATING);
        GaussianTestBed bed = testBed(d);
        FlowPreset preset = options.presetFor(d);
        TrainingResult trained = train(bed, preset, listener);
        return evaluate(bed, trained.flow(), preset, trained, listener, progress);
    }

    /** The test bed (p, outlier base, perturbation) of {@code dimension}, as {@link #run} draws it. */
    public GaussianTestBed testBed(int dimension) {
        return GaussianTestBed.generate(dimension, options.distributions(),
                Seeds.derive(options.seed(), dimension, LabStream.TEST_BED));
    }

    /** Trains {@code preset}'s flow on {@code trainingSamples} samples of the test bed's p. */
    public TrainingResult train(GaussianTestBed bed, FlowPreset preset, GaussianLabListener listener) {
        int d = bed.dimension();
        int n = options.trainingSamples();
        double[] samples = bed.training().sample(n, Seeds.derive(options.seed(), d, LabStream.TRAINING_SAMPLES));
        listener.onPhase(d, LabPhase.TRAINING);
        Flow fresh = preset.flow(d, Seeds.derive(options.seed(), d, LabStream.FLOW_WEIGHTS));
        TrainingListener epochs = new TrainingListener() {
            @Override
            public void onEpoch(EpochRecord record) {
                listener.onTrainingEpoch(d, record);
            }
        };
        Trainer trainer = new Trainer(preset.trainerOptions(Seeds.derive(options.seed(), d, LabStream.TRAINER)), epochs);
        TrainingResult result = trainer.fit(fresh,
                LogLikelihoodScorer.toModelInput(samples, n, d, fresh.dataType()));
        LOG.info("D={}: trained {} epochs in {} s ({}), best validation loss {} nats, H(p) = {} nats", d,
                result.history().epochs().size(), result.history().elapsed().toSeconds(),
                result.history().stopReason(), result.history().bestValidationLoss(), bed.training().entropy());
        return result;
    }

    /**
     * Evaluates a given model of the test bed's p (any dense flow over D features) on every cell of
     * the grid for that dimension, without training.
     */
    public GaussianLabResult evaluate(GaussianTestBed bed, Flow model, GaussianLabListener listener) {
        return evaluate(bed, model, null, null, listener, new Progress(options.cellsPerDimension()));
    }

    private GaussianLabResult evaluate(GaussianTestBed bed, Flow model, FlowPreset preset, TrainingResult trained,
                                       GaussianLabListener listener, Progress progress) {
        int d = bed.dimension();
        MultivariateGaussian p = bed.training();
        // The reference set first, then the cells in table order; scored in parallel, consumed in order.
        List<ScoringPool.Job> jobs = new ArrayList<>();
        jobs.add(new ScoringPool.Job(p, options.testSamples(), Seeds.derive(options.seed(), d, LabStream.REFERENCE)));
        List<Cell> cells = new ArrayList<>();
        for (TestFamily family : options.families()) {
            for (double s : options.scales()) {
                for (double t : options.shifts()) {
                    MultivariateGaussian q = bed.distribution(family, s, t, options.alpha(), options.beta());
                    long seed = Seeds.derive(options.seed(), d, LabStream.CELL, family.ordinal(),
                            Double.doubleToLongBits(s), Double.doubleToLongBits(t));
                    cells.add(new Cell(family, s, t, q));
                    jobs.add(new ScoringPool.Job(q, options.testSamples(), seed));
                }
            }
        }
        List<LabRow> rows = new ArrayList<>();
        List<CellCurves> curves = new ArrayList<>();
        DimensionSummary summary;
        try (ScoringPool pool = new ScoringPool(p, model, options, jobs)) {
            listener.onPhase(d, LabPhase.REFERENCE);
            ScoredSample reference = pool.next();
            Side modelSide = new Side(reference.modelLogLikelihood());
            Side trueSide = new Side(reference.trueLogDensity());
            summary = new DimensionSummary(d, preset, trained == null ? null : trained.history(),
                    p.entropy(), reference.size(), CrossEntropyEstimator.crossEntropy(trueSide.values).value(),
                    CrossEntropyEstimator.crossEntropy(modelSide.values).value(), modelSide.detector.lower(),
                    modelSide.detector.upper(), trueSide.detector.lower(), trueSide.detector.upper(),
                    trueSide.density.curve(options.kdePoints()), modelSide.density.curve(options.kdePoints()));

            listener.onPhase(d, LabPhase.CELLS);
            for (Cell cell : cells) {
                MultivariateGaussian q = cell.q();
                ScoredSample scored = pool.next();
                double[] trueLog = scored.trueLogDensity();
                double[] modelLog = scored.modelLogLikelihood();
                KernelDensityEstimate trueDensity = KernelDensityEstimate.of(trueLog, options.bandwidthRule());
                KernelDensityEstimate modelDensity = KernelDensityEstimate.of(modelLog, options.bandwidthRule());
                SampleEstimate hTrue = CrossEntropyEstimator.crossEntropy(trueLog);
                SampleEstimate hModel = CrossEntropyEstimator.crossEntropy(modelLog);
                double entropy = q.entropy();
                LabRow row = new LabRow(d, cell.family(), cell.s(), cell.t(), scored.size(), q.crossEntropy(p),
                        hTrue.value(), hTrue.standardError(), hModel.value(), hModel.standardError(), entropy,
                        q.klDivergence(p), hModel.value() - entropy,
                        modelSide.detector.trueNegativeRate(modelLog),
                        trueSide.detector.trueNegativeRate(trueLog),
                        OverlapCoefficient.of(modelDensity, modelSide.density),
                        OverlapCoefficient.of(trueDensity, trueSide.density),
                        modelSide.detector.auroc(modelLog), trueSide.detector.auroc(trueLog));
                rows.add(row);
                curves.add(new CellCurves(d, cell.family(), cell.s(), cell.t(), trueDensity.curve(options.kdePoints()),
                        modelDensity.curve(options.kdePoints())));
                listener.onCell(row, progress.next(), progress.total);
            }
        }
        return new GaussianLabResult(options, List.of(summary), rows, curves);
    }

    /** One cell of the grid: a test family at scale s and shift t, and its distribution q. */
    private record Cell(TestFamily family, double s, double t, MultivariateGaussian q) {
    }

    /** The reference set's log-likelihoods under one density, with its detector and density estimate. */
    private final class Side {
        final double[] values;
        final LikelihoodBoundsDetector detector;
        final KernelDensityEstimate density;

        Side(double[] values) {
            this.values = values;
            this.detector = LikelihoodBoundsDetector.fit(values, options.targetTruePositiveRate());
            this.density = KernelDensityEstimate.of(values, options.bandwidthRule());
        }
    }

    /** Cells done over the whole run. */
    private static final class Progress {
        final int total;
        int done;

        Progress(int total) {
            this.total = total;
        }

        int next() {
            return ++done;
        }
    }
}
