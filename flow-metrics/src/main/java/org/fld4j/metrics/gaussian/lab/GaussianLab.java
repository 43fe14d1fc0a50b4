package org.fld4j.metrics.gaussian.lab;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.Flow;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.TrainingHistory;
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
 * <p>The steps are public for running the lab's parts on different machines: {@link #testBed} and
 * {@link #train} per dimension, {@link #scoreReference} and {@link #summarize} for its reference set, and
 * {@link #evaluateCell} for one cell; {@link GaussianLabResult#concatenate} of the parts (the dimensions'
 * summaries in the options' order, then the cells in table order) equals {@link #run}.
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
        jobs.add(new ScoringPool.Job(p, options.testSamples(), referenceSeed(d)));
        List<Cell> cells = new ArrayList<>();
        for (TestFamily family : options.families()) {
            for (double s : options.scales()) {
                for (double t : options.shifts()) {
                    Cell cell = cell(bed, family, s, t);
                    cells.add(cell);
                    jobs.add(new ScoringPool.Job(cell.q(), options.testSamples(), cell.seed()));
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
            summary = summary(bed, preset, trained == null ? null : trained.history(), reference.size(), modelSide,
                    trueSide);

            listener.onPhase(d, LabPhase.CELLS);
            for (Cell cell : cells) {
                GaussianLabResult outcome = evaluate(d, cell, pool.next(), modelSide, trueSide);
                rows.addAll(outcome.rows());
                curves.addAll(outcome.curves());
                listener.onCell(outcome.rows().get(0), progress.next(), progress.total);
            }
        }
        return new GaussianLabResult(options, List.of(summary), rows, curves);
    }

    /**
     * The reference set of the test bed's dimension, as {@link #run} draws and scores it: {@code testSamples} fresh
     * samples of p (from their own seed), scored under p and under {@code model}. Every cell is compared with it
     * ({@link #summarize}, {@link #evaluateCell}).
     */
    public ScoredSample scoreReference(GaussianTestBed bed, Flow model) {
        MultivariateGaussian p = bed.training();
        return new LogLikelihoodScorer(p, model, options.chunkRows(), options.modelBatchSize())
                .score(p, options.testSamples(), referenceSeed(bed.dimension()));
    }

    /**
     * The dimension's summary as {@link #run} reports it, from the reference set {@link #scoreReference} gave.
     *
     * @param preset   the flow preset, or null when the model was given
     * @param training the model's training record, or null when the model was given
     */
    public DimensionSummary summarize(GaussianTestBed bed, FlowPreset preset, TrainingHistory training,
                                      ScoredSample reference) {
        return summary(bed, preset, training, reference.size(), new Side(reference.modelLogLikelihood()),
                new Side(reference.trueLogDensity()));
    }

    /**
     * One cell of the grid on its own, as {@link #run} computes it: the cell's test set drawn from the cell's own
     * seed, scored under p and {@code model}, and compared with the dimension's reference set (its likelihood
     * bounds and densities are fitted again from {@code reference}, as {@link #run} fits them once per dimension).
     * The result holds the cell's row and curves and no dimension summary; {@link GaussianLabResult#concatenate}
     * joins it with the other cells and the dimensions' summaries ({@link #summarize}). This lets the cells of one
     * dimension run on different machines, each with its own copy of the model.
     *
     * @param reference the reference set {@link #scoreReference} gave for this test bed and model
     * @throws IllegalArgumentException if the family, scale or shift is not one of the options', or the reference
     *                                  set is not of {@code testSamples} samples
     */
    public GaussianLabResult evaluateCell(GaussianTestBed bed, Flow model, ScoredSample reference, TestFamily family,
                                          double scale, double shift) {
        if (!options.families().contains(family) || !options.scales().contains(scale)
                || !options.shifts().contains(shift)) {
            throw new IllegalArgumentException("family " + family + ", s=" + scale + ", t=" + shift
                    + " is not a cell of the lab's grid (families " + options.families() + ", scales "
                    + options.scales() + ", shifts " + options.shifts() + ")");
        }
        if (reference.size() != options.testSamples()) {
            throw new IllegalArgumentException("the reference set has " + reference.size() + " samples, the lab "
                    + options.testSamples());
        }
        int d = bed.dimension();
        Cell cell = cell(bed, family, scale, shift);
        ScoredSample scored = new LogLikelihoodScorer(bed.training(), model, options.chunkRows(),
                options.modelBatchSize()).score(cell.q(), options.testSamples(), cell.seed());
        return evaluate(d, cell, scored, new Side(reference.modelLogLikelihood()),
                new Side(reference.trueLogDensity()));
    }

    private DimensionSummary summary(GaussianTestBed bed, FlowPreset preset, TrainingHistory training,
                                     int referenceSize, Side modelSide, Side trueSide) {
        MultivariateGaussian p = bed.training();
        return new DimensionSummary(bed.dimension(), preset, training, p.entropy(), referenceSize,
                CrossEntropyEstimator.crossEntropy(trueSide.values).value(),
                CrossEntropyEstimator.crossEntropy(modelSide.values).value(), modelSide.detector.lower(),
                modelSide.detector.upper(), trueSide.detector.lower(), trueSide.detector.upper(),
                trueSide.density.curve(options.kdePoints()), modelSide.density.curve(options.kdePoints()));
    }

    /** One cell's row and curves, from its scored test set and the reference set's two sides. */
    private GaussianLabResult evaluate(int d, Cell cell, ScoredSample scored, Side modelSide, Side trueSide) {
        MultivariateGaussian p = cell.p();
        MultivariateGaussian q = cell.q();
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
        CellCurves curves = new CellCurves(d, cell.family(), cell.s(), cell.t(), trueDensity.curve(options.kdePoints()),
                modelDensity.curve(options.kdePoints()));
        return new GaussianLabResult(options, List.of(), List.of(row), List.of(curves));
    }

    /** The cell (family, s, t) of the test bed's grid: its distribution q and the seed its test set is drawn from. */
    private Cell cell(GaussianTestBed bed, TestFamily family, double s, double t) {
        MultivariateGaussian q = bed.distribution(family, s, t, options.alpha(), options.beta());
        long seed = Seeds.derive(options.seed(), bed.dimension(), LabStream.CELL, family.ordinal(),
                Double.doubleToLongBits(s), Double.doubleToLongBits(t));
        return new Cell(family, s, t, bed.training(), q, seed);
    }

    private long referenceSeed(int dimension) {
        return Seeds.derive(options.seed(), dimension, LabStream.REFERENCE);
    }

    /** One cell of the grid: a test family at scale s and shift t, p, its distribution q and its test set's seed. */
    private record Cell(TestFamily family, double s, double t, MultivariateGaussian p, MultivariateGaussian q,
                        long seed) {
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
