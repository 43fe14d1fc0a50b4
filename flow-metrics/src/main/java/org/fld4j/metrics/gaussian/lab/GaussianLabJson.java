package org.fld4j.metrics.gaussian.lab;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.metrics.likelihood.DensityCurve;

/**
 * The JSON form of a lab result: {@code {"format": "fld4j-gaussian-lab", "version": 1, "options",
 * "dimensions", "rows", "curves"}}, with the row fields named as in the CSV table. A value that is not
 * finite (a validation loss when there was no validation) is written as null. Everything a
 * {@link GaussianLabResult} holds is written, so {@link GaussianLabJsonReader} rebuilds an equal result:
 * doubles with {@link Double#toString} (exact), durations as seconds with their nanoseconds.
 */
final class GaussianLabJson {

    static final String FORMAT = "fld4j-gaussian-lab";
    static final int VERSION = 1;

    private GaussianLabJson() {
    }

    static String write(GaussianLabResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("options", options(result.options()));
        List<Object> dims = new ArrayList<>();
        result.dimensions().forEach(d -> dims.add(dimension(d)));
        root.put("dimensions", dims);
        List<Object> rows = new ArrayList<>();
        result.rows().forEach(r -> rows.add(row(r)));
        root.put("rows", rows);
        List<Object> curves = new ArrayList<>();
        for (CellCurves c : result.curves()) {
            Map<String, Object> m = cell(c.dimension(), c.family(), c.scale(), c.shift());
            m.put("true", curve(c.trueLogDensity()));
            m.put("model", curve(c.modelLogLikelihood()));
            curves.add(m);
        }
        root.put("curves", curves);
        return Json.write(root);
    }

    private static Map<String, Object> options(GaussianLabOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimensions", o.dimensions());
        m.put("scales", o.scales());
        m.put("shifts", o.shifts());
        m.put("families", o.families().stream().map(GaussianLabCsv::name).toList());
        m.put("alpha", o.alpha());
        m.put("beta", o.beta());
        m.put("testSamples", o.testSamples());
        m.put("trainingSamples", o.trainingSamples());
        m.put("seed", o.seed());
        m.put("kdePoints", o.kdePoints());
        m.put("bandwidthRule", GaussianLabCsv.name(o.bandwidthRule()));
        m.put("targetTruePositiveRate", o.targetTruePositiveRate());
        Map<String, Object> distributions = new LinkedHashMap<>();
        distributions.put("conditionNumber", o.distributions().conditionNumber());
        distributions.put("largestVariance", o.distributions().largestVariance());
        distributions.put("meanHalfWidth", o.distributions().meanHalfWidth());
        m.put("distributions", distributions);
        m.put("chunkRows", o.chunkRows());
        m.put("modelBatchSize", o.modelBatchSize());
        m.put("workers", o.workers());
        // Only the presets given explicitly; other dimensions use FlowPreset.forDimension.
        Map<String, Object> presets = new LinkedHashMap<>();
        new TreeMap<>(o.presets()).forEach((d, p) -> presets.put(String.valueOf(d), preset(p)));
        m.put("presets", presets);
        return m;
    }

    private static Map<String, Object> dimension(DimensionSummary d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", d.dimension());
        m.put("preset", d.preset() == null ? null : preset(d.preset()));
        m.put("training", d.training() == null ? null : training(d.training()));
        m.put("entropy", number(d.entropy()));
        m.put("referenceSamples", d.referenceSamples());
        m.put("referenceCrossEntropy", number(d.referenceCrossEntropy()));
        m.put("referenceModelCrossEntropy", number(d.referenceModelCrossEntropy()));
        m.put("modelBounds", List.of(d.modelLowerBound(), d.modelUpperBound()));
        m.put("trueBounds", List.of(d.trueLowerBound(), d.trueUpperBound()));
        m.put("referenceTrue", curve(d.referenceTrueLogDensity()));
        m.put("referenceModel", curve(d.referenceModelLogLikelihood()));
        return m;
    }

    private static Map<String, Object> preset(FlowPreset p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("couplings", p.couplings());
        m.put("hiddenWidth", p.hiddenWidth());
        m.put("hiddenLayers", p.hiddenLayers());
        m.put("mixing", GaussianLabCsv.name(p.mixing()));
        m.put("learningRate", p.learningRate());
        m.put("warmupSteps", p.warmupSteps());
        m.put("batchSize", p.batchSize());
        m.put("maxEpochs", p.maxEpochs());
        m.put("timeBudgetSeconds", seconds(p.timeBudget()));
        m.put("validationFraction", p.validationFraction());
        m.put("patience", p.patience());
        return m;
    }

    private static Map<String, Object> training(TrainingHistory h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", h.epochs().size());
        m.put("stopReason", GaussianLabCsv.name(h.stopReason()));
        m.put("bestEpoch", h.bestEpoch());
        m.put("bestValidationLoss", number(h.bestValidationLoss()));
        m.put("steps", h.totalSteps());
        m.put("skippedSteps", h.skippedSteps());
        m.put("seconds", seconds(h.elapsed()));
        // One entry per epoch in each list, in epoch order.
        List<Object> epoch = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        List<Object> skipped = new ArrayList<>();
        List<Object> train = new ArrayList<>();
        List<Object> validation = new ArrayList<>();
        List<Object> learningRate = new ArrayList<>();
        List<Object> elapsed = new ArrayList<>();
        for (EpochRecord e : h.epochs()) {
            epoch.add(e.epoch());
            steps.add(e.steps());
            skipped.add(e.skippedSteps());
            train.add(number(e.trainLoss()));
            validation.add(number(e.validationLoss()));
            learningRate.add(number(e.learningRate()));
            elapsed.add(seconds(e.elapsed()));
        }
        m.put("epoch", epoch);
        m.put("epochSteps", steps);
        m.put("epochSkippedSteps", skipped);
        m.put("trainLoss", train);
        m.put("validationLoss", validation);
        m.put("learningRate", learningRate);
        m.put("elapsedSeconds", elapsed);
        return m;
    }

    private static Map<String, Object> row(LabRow r) {
        Map<String, Object> m = cell(r.dimension(), r.family(), r.scale(), r.shift());
        String[] names = GaussianLabCsv.TABLE_HEADER.split(",");
        double[] values = {r.samples(), r.crossEntropy(), r.crossEntropyEstimate(), r.crossEntropyEstimateError(),
            r.modelCrossEntropy(), r.modelCrossEntropyError(), r.entropy(), r.klDivergence(), r.modelKlDivergence(),
            r.modelTrueNegativeRate(), r.trueTrueNegativeRate(), r.modelOverlap(), r.trueOverlap(), r.modelAuroc(),
            r.trueAuroc()};
        m.put(names[4], r.samples());
        for (int i = 1; i < values.length; i++) {
            m.put(names[4 + i], number(values[i]));
        }
        return m;
    }

    private static Map<String, Object> cell(int dimension, Enum<?> family, double scale, double shift) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", dimension);
        m.put("family", GaussianLabCsv.name(family));
        m.put("s", scale);
        m.put("t", shift);
        return m;
    }

    private static Map<String, Object> curve(DensityCurve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bandwidth", c.bandwidth());
        m.put("x", c.x());
        m.put("density", c.density());
        return m;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * A duration in seconds, from its exact decimal {@code seconds.nanoseconds}: the nearest double, which
     * {@link GaussianLabJsonReader} rounds back to the same nanosecond for any duration under ten days (the
     * double's error there is below 0.2 ns).
     */
    static double seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).doubleValue();
    }
}
