package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ImageScore;
import org.fld4j.metrics.fld.SampleEfficiency;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.fld4j.metrics.fld.SampleEfficiencyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld efficiency} on a saved reference (small preset, one epoch) and 24 generated 8x8 PNGs. */
class EfficiencyCommandTest {

    @TempDir
    static Path dir;
    static Path generated;
    static Path ref;

    @BeforeAll
    static void trainReference() {
        Path real = FldCli.writePngs(dir.resolve("real"), 40, 31, 10, 8);
        generated = FldCli.writePngs(dir.resolve("generated"), 24, 32, 30, 8);
        ref = dir.resolve("ref.fld");
        FldCli.Run run = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "-q");
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void jsonTableMatchesTheLibraryAndTheWholeSetSize() throws IOException {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes",
                "5,10,24,50", "--repeats", "6", "--seed", "9", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        Fld fld = Fld.load(ref);
        double full = fld.score(ImageSources.folder(generated).build()).value();
        assertThat(result.get("fullFld").asDouble()).isEqualTo(full);
        assertThat(result.get("seed").asLong()).isEqualTo(9);
        JsonNode points = result.get("points");
        assertThat(points).hasSize(3);
        // size 24 is the whole set: every subset is all the images, so each FLD is the full one
        JsonNode whole = points.get(2);
        assertThat(whole.get("size").asInt()).isEqualTo(24);
        assertThat(whole.get("mean").asDouble()).isCloseTo(full, within(1e-12));
        assertThat(whole.get("std").asDouble()).isCloseTo(0, within(1e-12));
        assertThat(result.get("notes").get(0).asText()).contains("size 50");

        SampleEfficiencyResult expected = SampleEfficiency.of(fld)
                .options(new SampleEfficiencyOptions(new int[] {5, 10, 24, 50}, 6, 9, false))
                .run(ImageSources.folder(generated).build());
        for (int i = 0; i < 2; i++) {
            SampleEfficiencyPoint p = expected.points().get(i);
            assertThat(points.get(i).get("mean").asDouble()).isEqualTo(p.mean());
            assertThat(points.get(i).get("std").asDouble()).isEqualTo(p.std());
            assertThat(points.get(i).get("q95").asDouble()).isEqualTo(p.q95());
        }
    }

    @Test
    void humanTableHasOneRowPerSize() {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "5,10",
                "--repeats", "3");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.matches("\\s+(5|10)\\s+3\\s.*"))).hasSize(2);
        assertThat(run.out()).startsWith("FLD ").doesNotContain("scoring");
    }

    @Test
    void sizesAllAboveTheSetExitWithFour() {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "100,200",
                "--repeats", "3");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.err()).contains("24 usable images").contains("100");
    }

    @Test
    void badDrawOptionsExitWithTwo() {
        assertThat(FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "10,5").code())
                .isEqualTo(2);
        assertThat(FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--repeats", "1").code())
                .isEqualTo(2);
        FldCli.Run huge = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--repeats",
                "2000000000");
        assertThat(huge.code()).isEqualTo(2);
        assertThat(huge.err()).contains("--repeats 2000000000").contains("to 10000");
    }

    /** The 97.5% quantile of the standard normal (tables): the reference's intervals are 95% ones. */
    private static final double Z = 1.959963984540054;

    /** {@code var(x) / mean(x)^2} with the sample variance, worked out here rather than taken from the planner. */
    private static double coefficient(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (x.length - 1) / (mean * mean);
    }

    /** a and b of the one-flow model for the generated set against the saved reference. */
    private static double[] model() throws IOException {
        Fld fld = Fld.load(ref);
        FldReference reference = fld.reference();
        FldScore score = fld.score(ImageSources.folder(generated).build());
        double[] values = score.perImage().stream().mapToDouble(ImageScore::logLikelihood).toArray();
        double[] heldOut = reference.heldOutLogLikelihoods();
        return new double[] {coefficient(values), coefficient(heldOut) / heldOut.length};
    }

    @Test
    void targetWidthPrintsThePlanWithTheClosedFormsRequiredImages() throws IOException {
        double[] ab = model();
        double floor = Z * Math.sqrt(ab[1]);
        String w = String.format(Locale.ROOT, "%.6f", 1.5 * floor);
        double width = Double.parseDouble(w);
        // z sqrt(a/n + b) = W  <=>  n = a / ((W/z)^2 - b)
        long required = (long) Math.ceil(ab[0] / ((width / Z) * (width / Z) - ab[1]));
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "5,10",
                "--repeats", "3", "--seed", "9", "--target-width", w);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("plan for a 95% interval of half-width")
                .containsPattern("required generated images\\s+" + required + "\\n")
                .contains("About " + String.format(Locale.ROOT, "%,d", required) + " generated images")
                .containsPattern("floor half-width\\s+" + String.format(Locale.ROOT, "%.4f", floor))
                .contains("from the 24 images of " + generated);
        // the subset table is still there, and the predicted half-width at each size
        assertThat(run.out().lines().filter(l -> l.matches("\\s+(5|10)\\s+3\\s.*"))).hasSize(2);
        assertThat(run.out()).containsPattern("\\s+" + required + "\\s+0\\.\\d{4}\\n");

        FldCli.Run json = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "5,10",
                "--repeats", "3", "--seed", "9", "--target-width", w, "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonSchemaCheck.assertValid(json.out());
        JsonNode plan = FldCli.json(json.out()).get("result").get("plan");
        assertThat(plan.get("requiredImages").asLong()).isEqualTo(required);
        assertThat(plan.get("reachable").asBoolean()).isTrue();
        assertThat(plan.get("pilotImages").asInt()).isEqualTo(24);
        assertThat(plan.get("seed").asLong()).isEqualTo(9);
        assertThat(plan.get("floorHalfWidth").asDouble()).isCloseTo(floor, within(1e-12));
        assertThat(plan.get("model").get("imageCoefficient").asDouble()).isCloseTo(ab[0], within(1e-12 * ab[0]));
        assertThat(plan.get("model").get("heldOutVariance").asDouble()).isCloseTo(ab[1], within(1e-12 * ab[1]));
        JsonNode predicted = plan.get("predicted");
        assertThat(predicted).extracting(p -> p.get("images").asLong()).containsExactly(5L, 10L, 24L, required);
        double at10 = Z * Math.sqrt(ab[0] / 10 + ab[1]);
        assertThat(predicted.get(1).get("halfWidth").asDouble()).isCloseTo(at10, within(1e-12));
        assertThat(plan.get("range").get("low").asLong()).isLessThanOrEqualTo(required);
        assertThat(plan.get("range").get("high").asLong()).isGreaterThanOrEqualTo(required);
    }

    @Test
    void targetBelowTheFloorIsOutOfReachAndNamesTheHeldOutImagesThatWouldLowerIt() throws IOException {
        double[] ab = model();
        double floor = Z * Math.sqrt(ab[1]);
        String w = String.format(Locale.ROOT, "%.6f", floor / 2);
        double width = Double.parseDouble(w);
        // the floor z sqrt(b h / h') falls below W from h' > b h z^2 / W^2 held-out images on
        long heldOut = (long) Math.floor(ab[1] * 8 * Z * Z / (width * width)) + 1;
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "5,10",
                "--repeats", "3", "--target-width", w, "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode plan = FldCli.json(run.out()).get("result").get("plan");
        assertThat(plan.get("reachable").asBoolean()).isFalse();
        assertThat(plan.get("requiredImages").isNull()).isTrue();
        assertThat(plan.get("heldOutImagesForTarget").asLong()).isEqualTo(heldOut);
        assertThat(plan.get("summary").asText()).contains("out of reach")
                .contains(String.format(Locale.ROOT, "%.4f", floor)).contains("8 held-out real images")
                .contains(String.format(Locale.ROOT, "%,d held-out real images", heldOut));
        FldCli.Run human = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "5",
                "--repeats", "3", "--target-width", w);
        assertThat(human.out()).containsPattern("required generated images\\s+out of reach");
    }

    @Test
    void aPilotSmallerThanEverySizeStillGetsItsPlan() {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "100",
                "--repeats", "3", "--target-width", "0.5", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        assertThat(result.get("points")).isEmpty();
        assertThat(result.get("plan").get("predicted")).extracting(p -> p.get("images").asLong()).contains(100L);
        // without a plan an empty table is a failure, and the schema says so
        ObjectNode withoutPlan = (ObjectNode) FldCli.json(run.out());
        ((ObjectNode) withoutPlan.get("result")).remove("plan");
        assertThat(JsonSchemaCheck.errors(withoutPlan.toString())).isNotEmpty();
    }

    @Test
    void badTargetWidthsExitWithTwoAndTooSmallPilotsWithFour() {
        for (String bad : new String[] {"0", "-0.01", "NaN", "Infinity"}) {
            FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--target-width",
                    bad);
            assertThat(run.code()).as(bad).isEqualTo(2);
            assertThat(run.err()).contains("--target-width").contains(bad.equals("0") ? "0.0" : bad);
        }
        Path five = dir.resolve("five");
        FldCli.writePngs(five, 5, 33, 30, 8);
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), five.toString(), "--sizes", "2",
                "--repeats", "3", "--target-width", "0.1");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.err()).contains("5 usable images").contains("at least 10");
    }

    /**
     * Two reference flows trained for one epoch each (the second flow's epoch 1 once failed in the progress bars):
     * the plan's between-flow variance is that of the flows' FLDs, its held-out variance the flows' mean of
     * {@code var(H_k) / (h mean(H_k)^2)}, and its fixed part the larger of the two over 2.
     */
    @Test
    void twoFlowsPlanWithTheirSpread() throws IOException {
        Path real = dir.resolve("real");
        Path ref2 = dir.resolve("ref2.fld");
        FldCli.Run train = FldCli.run("train", real.toString(), "--out", ref2.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "--flows", "2", "-q");
        assertThat(train.code()).as(train.err()).isZero();
        Fld fld = Fld.load(ref2);
        FldScore score = fld.score(ImageSources.folder(generated).build());
        double d = score.flowValues().get(0) - score.flowValues().get(1);
        double between = d * d / 2;
        double heldOutVariance = 0;
        for (var member : fld.reference().members()) {
            double[] h = member.heldOutLogLikelihoods();
            double mean = Arrays.stream(h).average().orElseThrow();
            double squares = Arrays.stream(h).map(x -> (x - mean) * (x - mean)).sum();
            heldOutVariance += squares / (h.length - 1) / h.length / (mean * mean) / 2;
        }
        double fixed = Math.max(between, heldOutVariance) / 2;
        double training = Math.max(0, between - heldOutVariance) / 2;
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref2.toString(), generated.toString(), "--sizes", "5",
                "--repeats", "3", "--target-width", "0.5", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode plan = FldCli.json(run.out()).get("result").get("plan");
        assertThat(plan.get("referenceFlows").asInt()).isEqualTo(2);
        assertThat(plan.get("model").get("betweenFlowVariance").asDouble()).isCloseTo(between,
                within(1e-9 * between + 1e-300));
        assertThat(plan.get("model").get("heldOutVariance").asDouble()).isCloseTo(heldOutVariance,
                within(1e-9 * heldOutVariance));
        assertThat(plan.get("model").get("trainingVariance").asDouble()).isCloseTo(2 * training,
                within(1e-9 * between + 1e-300));
        assertThat(plan.get("model").get("fixedVariance").asDouble()).isCloseTo(fixed, within(1e-9 * fixed));
        // with unlimited images: the t quantile with (c / c_tau)^2 degrees of freedom (K - 1 = 1), or the normal one
        // when training adds nothing beyond the held-out noise
        double quantile = training == 0 ? 1.959963984540054
                : new org.apache.commons.math3.distribution.TDistribution(null, (fixed / training) * (fixed / training))
                        .inverseCumulativeProbability(0.975);
        assertThat(plan.get("limitHalfWidth").asDouble()).isCloseTo(quantile * Math.sqrt(fixed),
                within(1e-6 * Math.sqrt(fixed)));
    }
}
