package org.fld4j.metrics.gaussian.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fld4j.metrics.gaussian.RandomGaussianOptions;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.fld4j.metrics.likelihood.LikelihoodBoundsDetector;

/**
 * What the Gaussian lab runs, validated on construction: an invalid value throws an
 * {@link IllegalArgumentException} that names the option and the value.
 *
 * @param dimensions             the dimensions D (each >= 2, no repeats)
 * @param scales                 the scales s (each > 0, no repeats)
 * @param shifts                 the shifts t (finite, no repeats)
 * @param families               the test families (at least one, no repeats)
 * @param alpha                  variance of the isotropic noise of the perturbed family (>= 0)
 * @param beta                   size of the perturbed family's mean jitter (>= 0)
 * @param testSamples            N, samples per test set and in the reference set (>= 2)
 * @param trainingSamples        samples of p the flow is trained on (>= 2)
 * @param seed                   the seed everything random is derived from
 * @param presets                flow presets by dimension; a dimension without one gets
 *                               {@link FlowPreset#forDimension}
 * @param kdePoints              grid points of each kernel density curve (>= 2)
 * @param bandwidthRule          the bandwidth of every kernel density estimate (curves and overlaps)
 * @param targetTruePositiveRate the likelihood bounds' true-positive rate on the reference set, in (0, 1)
 * @param distributions          how p and the outlier base Gaussian are drawn
 * @param chunkRows              samples drawn and scored at a time (>= 1)
 * @param modelBatchSize         samples per model evaluation (>= 1)
 * @param workers                test sets scored at the same time, each on its own thread with its own
 *                               copy of the flow (>= 1); results do not depend on it, since every set
 *                               draws from a seed of its own
 */
public record GaussianLabOptions(List<Integer> dimensions, List<Double> scales, List<Double> shifts,
                                 List<TestFamily> families, double alpha, double beta, int testSamples,
                                 int trainingSamples, long seed, Map<Integer, FlowPreset> presets, int kdePoints,
                                 BandwidthRule bandwidthRule, double targetTruePositiveRate,
                                 RandomGaussianOptions distributions, int chunkRows, int modelBatchSize,
                                 int workers) implements java.io.Serializable {

    /** The thesis' dimensions. */
    public static final List<Integer> THESIS_DIMENSIONS = List.of(10, 20, 50, 100);
    /** The thesis' scales. */
    public static final List<Double> THESIS_SCALES = List.of(0.25, 0.5, 0.75, 1.0, 1.25, 1.75);
    /** The thesis' shifts. */
    public static final List<Double> THESIS_SHIFTS = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

    public GaussianLabOptions {
        require(dimensions != null && !dimensions.isEmpty() && distinct(dimensions), "dimensions", dimensions);
        dimensions = List.copyOf(dimensions);
        for (int d : dimensions) {
            require(d >= 2, "dimensions", dimensions);
        }
        require(scales != null && !scales.isEmpty() && distinct(scales), "scales", scales);
        scales = List.copyOf(scales);
        for (double s : scales) {
            require(s > 0 && Double.isFinite(s), "scales", scales);
        }
        require(shifts != null && !shifts.isEmpty() && distinct(shifts), "shifts", shifts);
        shifts = List.copyOf(shifts);
        for (double t : shifts) {
            require(Double.isFinite(t), "shifts", shifts);
        }
        require(families != null && !families.isEmpty() && distinct(families), "families", families);
        families = List.copyOf(families);
        require(alpha >= 0 && Double.isFinite(alpha), "alpha", alpha);
        require(beta >= 0 && Double.isFinite(beta), "beta", beta);
        require(testSamples >= 2, "testSamples", testSamples);
        require(trainingSamples >= 2, "trainingSamples", trainingSamples);
        require(presets != null, "presets", presets);
        presets = Map.copyOf(presets);
        require(kdePoints >= 2, "kdePoints", kdePoints);
        require(bandwidthRule != null, "bandwidthRule", bandwidthRule);
        require(targetTruePositiveRate > 0 && targetTruePositiveRate < 1, "targetTruePositiveRate",
                targetTruePositiveRate);
        require(distributions != null, "distributions", distributions);
        require(chunkRows >= 1, "chunkRows", chunkRows);
        require(modelBatchSize >= 1, "modelBatchSize", modelBatchSize);
        require(workers >= 1, "workers", workers);
    }

    private static void require(boolean ok, String option, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid Gaussian lab option " + option + ": " + value);
        }
    }

    private static boolean distinct(List<?> values) {
        return values.stream().noneMatch(Objects::isNull) && new HashSet<>(values).size() == values.size();
    }

    /**
     * The thesis' grid: D in {10, 20, 50, 100}, s in {0.25, 0.5, 0.75, 1, 1.25, 1.75}, t in
     * {0, 0.25, 0.5, 0.75, 1}, all three families, alpha 0.1, beta 0.25; 100,000 test and 100,000
     * training samples; seed 0; the default presets; curves of 512 points with Silverman's bandwidth;
     * bounds for a true-positive rate of 0.975; {@link RandomGaussianOptions#defaults()}; chunks of
     * 16,384 samples scored 4,096 at a time; one worker per available processor.
     */
    public static GaussianLabOptions defaults() {
        return new GaussianLabOptions(THESIS_DIMENSIONS, THESIS_SCALES, THESIS_SHIFTS, List.of(TestFamily.values()),
                0.1, 0.25, 100_000, 100_000, 0L, Map.of(), 512, BandwidthRule.SILVERMAN,
                LikelihoodBoundsDetector.DEFAULT_TRUE_POSITIVE_RATE, RandomGaussianOptions.defaults(), 16_384, 4_096,
                Runtime.getRuntime().availableProcessors());
    }

    /** Starts a builder from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder preset with these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The preset for {@code dimension}: the one given in {@link #presets}, else the default. */
    public FlowPreset presetFor(int dimension) {
        FlowPreset preset = presets.get(dimension);
        return preset != null ? preset : FlowPreset.forDimension(dimension);
    }

    /** The number of cells (rows of the table) a run produces. */
    public int cellCount() {
        return dimensions.size() * cellsPerDimension();
    }

    /** The number of cells per dimension: families x scales x shifts. */
    public int cellsPerDimension() {
        return families.size() * scales.size() * shifts.size();
    }

    /** Fluent construction; {@link #build()} validates. */
    public static final class Builder {
        private List<Integer> dimensions;
        private List<Double> scales;
        private List<Double> shifts;
        private List<TestFamily> families;
        private double alpha;
        private double beta;
        private int testSamples;
        private int trainingSamples;
        private long seed;
        private Map<Integer, FlowPreset> presets;
        private int kdePoints;
        private BandwidthRule bandwidthRule;
        private double targetTruePositiveRate;
        private RandomGaussianOptions distributions;
        private int chunkRows;
        private int modelBatchSize;
        private int workers;

        private Builder(GaussianLabOptions o) {
            dimensions = o.dimensions;
            scales = o.scales;
            shifts = o.shifts;
            families = o.families;
            alpha = o.alpha;
            beta = o.beta;
            testSamples = o.testSamples;
            trainingSamples = o.trainingSamples;
            seed = o.seed;
            presets = o.presets;
            kdePoints = o.kdePoints;
            bandwidthRule = o.bandwidthRule;
            targetTruePositiveRate = o.targetTruePositiveRate;
            distributions = o.distributions;
            chunkRows = o.chunkRows;
            modelBatchSize = o.modelBatchSize;
            workers = o.workers;
        }

        public Builder dimensions(Integer... values) {
            this.dimensions = List.of(values);
            return this;
        }

        public Builder scales(Double... values) {
            this.scales = List.of(values);
            return this;
        }

        public Builder shifts(Double... values) {
            this.shifts = List.of(values);
            return this;
        }

        public Builder families(TestFamily... values) {
            this.families = List.of(values);
            return this;
        }

        /** The perturbed family's noise variance alpha and mean jitter beta. */
        public Builder perturbation(double alpha, double beta) {
            this.alpha = alpha;
            this.beta = beta;
            return this;
        }

        public Builder testSamples(int n) {
            this.testSamples = n;
            return this;
        }

        public Builder trainingSamples(int n) {
            this.trainingSamples = n;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder presets(Map<Integer, FlowPreset> presets) {
            this.presets = presets;
            return this;
        }

        /** Uses {@code preset} for {@code dimension}, keeping the presets of other dimensions. */
        public Builder preset(int dimension, FlowPreset preset) {
            java.util.HashMap<Integer, FlowPreset> copy = new java.util.HashMap<>(presets);
            copy.put(dimension, preset);
            this.presets = copy;
            return this;
        }

        public Builder kdePoints(int points) {
            this.kdePoints = points;
            return this;
        }

        public Builder bandwidthRule(BandwidthRule rule) {
            this.bandwidthRule = rule;
            return this;
        }

        public Builder targetTruePositiveRate(double rate) {
            this.targetTruePositiveRate = rate;
            return this;
        }

        public Builder distributions(RandomGaussianOptions options) {
            this.distributions = options;
            return this;
        }

        public Builder chunkRows(int rows) {
            this.chunkRows = rows;
            return this;
        }

        public Builder modelBatchSize(int size) {
            this.modelBatchSize = size;
            return this;
        }

        public Builder workers(int count) {
            this.workers = count;
            return this;
        }

        public GaussianLabOptions build() {
            return new GaussianLabOptions(dimensions, scales, shifts, families, alpha, beta, testSamples,
                    trainingSamples, seed, presets, kdePoints, bandwidthRule, targetTruePositiveRate, distributions,
                    chunkRows, modelBatchSize, workers);
        }
    }
}
