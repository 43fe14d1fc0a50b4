package org.fld4j.metrics.gaussian.lab;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.StopReason;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.metrics.gaussian.RandomGaussianOptions;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.fld4j.metrics.likelihood.DensityCurve;

/**
 * Reads what {@link GaussianLabJson} writes back into an equal {@link GaussianLabResult}. Nulls, which the
 * writer uses for values that were not finite, read as NaN. Every problem is an
 * {@link IllegalArgumentException} that names the file and the field.
 */
final class GaussianLabJsonReader {

    private GaussianLabJsonReader() {
    }

    static GaussianLabResult read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads a document's text; {@code source} names it in errors. */
    static GaussianLabResult read(String text, String source) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not a JSON document: " + e.getMessage(), e);
        }
        LabJsonField root = LabJsonField.root(source, parsed);
        LabJsonField format = root.get("format");
        if (!GaussianLabJson.FORMAT.equals(format.text())) {
            throw format.error("\"" + format.text() + "\" is not a Gaussian lab result (expected \""
                    + GaussianLabJson.FORMAT + "\")");
        }
        LabJsonField version = root.get("version");
        if (version.integer() != GaussianLabJson.VERSION) {
            throw version.error("version " + version.integer() + " is not supported (this fld4j reads version "
                    + GaussianLabJson.VERSION + ")");
        }
        GaussianLabOptions options = options(root.get("options"));
        List<DimensionSummary> dimensions = new ArrayList<>();
        for (LabJsonField d : root.get("dimensions").items()) {
            dimensions.add(dimension(d));
        }
        List<LabRow> rows = new ArrayList<>();
        for (LabJsonField r : root.get("rows").items()) {
            rows.add(row(r));
        }
        List<CellCurves> curves = new ArrayList<>();
        for (LabJsonField c : root.get("curves").items()) {
            curves.add(new CellCurves(c.get("dimension").intValue(), c.get("family").constant(TestFamily.class),
                    c.get("s").number(), c.get("t").number(), curve(c.get("true")), curve(c.get("model"))));
        }
        return new GaussianLabResult(options, dimensions, rows, curves);
    }

    private static GaussianLabOptions options(LabJsonField o) {
        List<Integer> dimensions = new ArrayList<>();
        o.get("dimensions").items().forEach(d -> dimensions.add(d.intValue()));
        List<TestFamily> families = new ArrayList<>();
        o.get("families").items().forEach(f -> families.add(f.constant(TestFamily.class)));
        LabJsonField distributions = o.get("distributions");
        RandomGaussianOptions random = validated(distributions, () -> new RandomGaussianOptions(
                distributions.get("conditionNumber").number(), distributions.get("largestVariance").number(),
                distributions.get("meanHalfWidth").number()));
        Map<Integer, FlowPreset> presets = new HashMap<>();
        o.get("presets").members().forEach((key, value) -> presets.put(dimensionKey(key, value), preset(value)));
        return validated(o, () -> new GaussianLabOptions(dimensions, doubles(o.get("scales")),
                doubles(o.get("shifts")), families, o.get("alpha").number(), o.get("beta").number(),
                o.get("testSamples").intValue(), o.get("trainingSamples").intValue(), o.get("seed").integer(),
                presets, o.get("kdePoints").intValue(), o.get("bandwidthRule").constant(BandwidthRule.class),
                o.get("targetTruePositiveRate").number(), random, o.get("chunkRows").intValue(),
                o.get("modelBatchSize").intValue(), o.get("workers").intValue()));
    }

    private static int dimensionKey(String key, LabJsonField value) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw value.error("a preset's key must be a dimension, found \"" + key + "\"");
        }
    }

    private static List<Double> doubles(LabJsonField list) {
        List<Double> out = new ArrayList<>();
        for (double v : list.numbers()) {
            out.add(v);
        }
        return out;
    }

    private static FlowPreset preset(LabJsonField p) {
        return validated(p, () -> new FlowPreset(p.get("couplings").intValue(), p.get("hiddenWidth").intValue(),
                p.get("hiddenLayers").intValue(), p.get("mixing").constant(Mixing.class),
                p.get("learningRate").number(), p.get("warmupSteps").intValue(), p.get("batchSize").intValue(),
                p.get("maxEpochs").intValue(), duration(p.get("timeBudgetSeconds")),
                p.get("validationFraction").number(), p.get("patience").intValue()));
    }

    private static DimensionSummary dimension(LabJsonField d) {
        LabJsonField preset = d.get("preset");
        LabJsonField training = d.get("training");
        List<LabJsonField> modelBounds = d.get("modelBounds").items(2);
        List<LabJsonField> trueBounds = d.get("trueBounds").items(2);
        return new DimensionSummary(d.get("dimension").intValue(), preset.isNull() ? null : preset(preset),
                training.isNull() ? null : training(training), d.get("entropy").numberOrNaN(),
                d.get("referenceSamples").intValue(), d.get("referenceCrossEntropy").numberOrNaN(),
                d.get("referenceModelCrossEntropy").numberOrNaN(), modelBounds.get(0).number(),
                modelBounds.get(1).number(), trueBounds.get(0).number(), trueBounds.get(1).number(),
                curve(d.get("referenceTrue")), curve(d.get("referenceModel")));
    }

    private static TrainingHistory training(LabJsonField h) {
        int count = h.get("epochs").intValue();
        List<LabJsonField> epoch = h.get("epoch").items(count);
        List<LabJsonField> steps = h.get("epochSteps").items(count);
        List<LabJsonField> skipped = h.get("epochSkippedSteps").items(count);
        List<LabJsonField> train = h.get("trainLoss").items(count);
        List<LabJsonField> validation = h.get("validationLoss").items(count);
        List<LabJsonField> learningRate = h.get("learningRate").items(count);
        List<LabJsonField> elapsed = h.get("elapsedSeconds").items(count);
        List<EpochRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new EpochRecord(epoch.get(i).intValue(), steps.get(i).integer(), skipped.get(i).integer(),
                    train.get(i).numberOrNaN(), validation.get(i).numberOrNaN(), learningRate.get(i).numberOrNaN(),
                    duration(elapsed.get(i))));
        }
        return new TrainingHistory(records, h.get("stopReason").constant(StopReason.class),
                h.get("bestEpoch").intValue(), h.get("bestValidationLoss").numberOrNaN(), h.get("steps").integer(),
                h.get("skippedSteps").integer(), duration(h.get("seconds")));
    }

    private static LabRow row(LabJsonField r) {
        String[] names = GaussianLabCsv.TABLE_HEADER.split(",");
        // names[5..18]: the doubles of the row, in the order of LabRow's components
        double[] v = new double[names.length];
        for (int i = 5; i < names.length; i++) {
            v[i] = r.get(names[i]).numberOrNaN();
        }
        return new LabRow(r.get(names[0]).intValue(), r.get(names[1]).constant(TestFamily.class),
                r.get(names[2]).number(), r.get(names[3]).number(), r.get(names[4]).intValue(), v[5], v[6], v[7],
                v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18]);
    }

    private static DensityCurve curve(LabJsonField c) {
        return validated(c, () -> new DensityCurve(c.get("x").numbers(), c.get("density").numbers(),
                c.get("bandwidth").number()));
    }

    /** Seconds written by {@link GaussianLabJson#seconds}, rounded back to the nanosecond. */
    private static Duration duration(LabJsonField seconds) {
        BigDecimal exact = new BigDecimal(Double.toString(seconds.number())).setScale(9, RoundingMode.HALF_EVEN);
        try {
            return Duration.ofNanos(exact.movePointRight(9).longValueExact());
        } catch (ArithmeticException e) {
            throw seconds.error("duration " + seconds.number() + " s is out of range");
        }
    }

    /** Builds a value whose constructor validates, naming the field when it refuses. */
    private static <T> T validated(LabJsonField field, Supplier<T> build) {
        try {
            return build.get();
        } catch (LabJsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw field.error(e.getMessage());
        }
    }
}
