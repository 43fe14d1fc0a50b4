package org.fld4j.benchmarks.image;

import java.time.Duration;
import java.util.Locale;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.image.Logit;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.DualFld;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.DualTrainingBudget;
import org.fld4j.metrics.fld.FldOptions;

/**
 * D-FLD and J of distorted Fashion-MNIST test images, both flows of one preset trained the same way
 * (default {@code small}, E epochs, on the fixed budget unless told otherwise): the real flow on the first N
 * training images, each generated flow on the first N test images (N at most 10,000), undistorted or distorted at
 * each of a kind's five default levels. 20% of each set is held out.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FashionMnistDualTable [N=2000]
 * [epochs=3] [preset=small] [threads=2] [kinds=all, comma-separated short names] [seed=7] [levels=default]
 * [budget=fixed|early-stopping] [logitAlpha=1e-5] [pairs=1]}, where {@code levels} (comma-separated) replaces the kinds'
 * default levels, for one kind at a time, {@code budget} is how both flows train ({@link DualTrainingBudget}),
 * {@code logitAlpha} the logit's squeeze of both flows ({@link DualFld#logitAlpha(double)}; the presets' by default)
 * and {@code pairs} the pairs of flows behind every score (their means, with the pairs' t intervals).
 * The seed drives the flows' weights, training and splits and the distortions' randomness. Both flows train on as many
 * images (the real images are the first N of the training split, the generated ones the first N of the test split).
 * Prints a markdown table.
 */
public final class FashionMnistDualTable {

    private FashionMnistDualTable() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ImagePreset preset = ImagePreset.parse(args.length > 2 ? args[2] : "small");
        NativeThreads.set(args.length > 3 ? Integer.parseInt(args[3]) : 2);
        String kinds = args.length > 4 ? args[4] : "all";
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 7;
        double[] levels = args.length > 6 && !args[6].equals("default")
                ? java.util.Arrays.stream(args[6].split(",")).mapToDouble(Double::parseDouble).toArray() : null;
        DualTrainingBudget budget = args.length > 7 ? DualTrainingBudget.parse(args[7]) : DualTrainingBudget.FIXED;
        double logitAlpha = args.length > 8 ? Double.parseDouble(args[8]) : Logit.DEFAULT_ALPHA;
        int pairs = args.length > 9 ? Integer.parseInt(args[9]) : 1;
        ImageSource train = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("train-images-idx3-ubyte.gz")).build();
        ImageSource test = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("t10k-images-idx3-ubyte.gz")).build();
        FldOptions options = FldOptions.forPreset(preset).withMaxEpochs(epochs).withTimeBudget(Duration.ofHours(1))
                .withSeed(seed).withReferenceFlows(pairs);
        long start = System.nanoTime();
        DualFld dual = DualFld.of(ImageSources.subset(train, FashionMnistFldTable.range(0, n))).options(options)
                .trainingBudget(budget).logitAlpha(logitAlpha);
        ImageSource generated = ImageSources.subset(test, FashionMnistFldTable.range(0, n));
        System.out.printf(Locale.ROOT, "| distortion | level | D-FLD | signed 95%% interval | J (bpd) | J 95%% interval |"
                + " bpd G on G | bpd R on G |%n|---|---:|---:|---|---:|---|---:|---:|%n");
        DualFldScore clean = dual.score(generated);
        row("none", 0, clean);
        for (DistortionKind kind : DistortionKind.values()) {
            if (!kinds.equals("all") && !kinds.contains(kind.shortName())) {
                continue;
            }
            double previous = clean.value();
            double previousJ = clean.divergence();
            boolean monotonic = true;
            boolean monotonicJ = true;
            for (double level : levels != null ? levels : kind.defaultLevels()) {
                DualFldScore score = dual.score(Distortion.of(kind, level).applyTo(generated, seed));
                row(kind.shortName(), level, score);
                monotonic &= score.value() > previous;
                monotonicJ &= score.divergence() > previousJ;
                previous = score.value();
                previousJ = score.divergence();
            }
            System.out.printf(Locale.ROOT, "| %s | D-FLD monotonic: %s | J monotonic: %s | | | | | |%n",
                    kind.shortName(), monotonic ? "yes" : "no", monotonicJ ? "yes" : "no");
        }
        System.out.printf(Locale.ROOT, "R_test bpd %.4f; %.0f s in all%n", clean.bpdRealOnReal(),
                (System.nanoTime() - start) / 1e9);
    }

    private static void row(String kind, double level, DualFldScore s) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | [%.3f, %.3f] | %.3f | [%.3f, %.3f] | %.3f | %.3f |%n", kind,
                level, s.value(), s.differenceInterval().lower(), s.differenceInterval().upper(), s.divergence(),
                s.divergenceInterval().lower(), s.divergenceInterval().upper(), s.bpdGeneratedOnGenerated(),
                s.bpdRealOnGenerated());
        System.out.flush();
    }
}
