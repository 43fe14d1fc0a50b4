package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.internal.random.SeededSplit;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldScore;

/**
 * FLD of distorted Fashion-MNIST images under a reference flow trained on the training split (the flow
 * {@link FashionMnistQualityRun} saves, or a reference file such as the built-in {@code fashion-mnist}).
 *
 * <p>With a flow file ({@code .flow}), the first N test images are the held-out real set R_test and every other set is the next N
 * test images. With a reference file ({@code .fld}), R_test is the reference's own (the built-in one holds all 10,000 test
 * images), so the scored images come from elsewhere: N drawn at random (seed 7) from the 12,000 training-split
 * images the trainer held out for validation ({@link FashionMnistQualityRun}'s split, seed 1), which the flow never
 * trained on.
 * Every set is scored undistorted and distorted at each kind's five default levels (seed 7).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FashionMnistFldTable FLOW_OR_REFERENCE OUT_CSV
 * [N=500] [threads=2]}. Prints a markdown table; writes the same rows as CSV.
 */
public final class FashionMnistFldTable {

    private FashionMnistFldTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FashionMnistFldTable FLOW_FILE OUT_CSV [N] [threads]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        NativeThreads.set(args.length > 3 ? Integer.parseInt(args[3]) : 2);
        long start = System.nanoTime();
        Fld fld;
        ImageSource scored;
        if (file.getFileName().toString().endsWith(".fld")) {
            fld = Fld.load(file);
            ImageSource train = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("train-images-idx3-ubyte.gz"))
                    .build();
            int[] validation = validationIndices(Math.toIntExact(train.size()));
            // a seeded random n of them, not the first n: the training file is not in random order (its first
            // validation images score about 0.05 bpd below its last under this flow)
            int[] drawn = SeededSplit.of(validation.length, n, 7).heldOut();
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = validation[drawn[i]];
            }
            scored = ImageSources.subset(train, rows);
        } else {
            Flow flow = Flow.load(file);
            ImageSource test = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("t10k-images-idx3-ubyte.gz"))
                    .build();
            fld = Fld.using(flow, ImageSources.subset(test, range(0, n)));
            scored = ImageSources.subset(test, range(n, 2 * n));
        }
        StringBuilder csv = new StringBuilder("kind,level,fld,lower,upper,ratio,bpd_generated,bpd_real\n");
        FldScore clean = fld.score(scored);
        System.out.printf(Locale.ROOT, "| distortion | level | FLD | 95%% interval | ratio | bpd |%n|---|---:|---:|---|---:|---:|%n");
        row("none", 0, clean, csv);
        for (DistortionKind kind : DistortionKind.values()) {
            double previous = clean.value();
            boolean monotonic = true;
            for (double level : kind.defaultLevels()) {
                FldScore score = fld.score(Distortion.of(kind, level).applyTo(scored, 7));
                row(kind.shortName(), level, score, csv);
                monotonic &= score.value() > previous;
                previous = score.value();
            }
            System.out.printf(Locale.ROOT, "| %s | monotonic: %s | | | | |%n", kind.shortName(), monotonic ? "yes" : "no");
        }
        Files.writeString(Path.of(args[1]), csv.toString(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "R_test bpd %.4f (%d images), %.0f s in all%n", clean.bpdReal(),
                fld.reference().heldOutCount(),
                (System.nanoTime() - start) / 1e9);
    }

    private static void row(String kind, double level, FldScore s, StringBuilder csv) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | [%.3f, %.3f] | %.3f | %.3f |%n", kind, level, s.value(),
                s.interval().lower(), s.interval().upper(), s.ratio(), s.bpdGenerated());
        csv.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", kind, level, s.value(),
                s.interval().lower(), s.interval().upper(), s.ratio(), s.bpdGenerated(), s.bpdReal()));
    }

    /**
     * The training-split images the {@link org.fld4j.core.train.Trainer} of {@link FashionMnistQualityRun} (seed 1,
     * validation fraction 0.2) held out for validation, ascending: the trainer's split, drawn as it draws it (its
     * seed mixed with the trainer's constant).
     */
    static int[] validationIndices(int n) {
        TrainerOptions recipe = TrainerOptions.recipe(ImagePreset.FLD_PAPER).toBuilder().seed(1).build();
        int count = (int) Math.floor(n * recipe.validationFraction());
        return SeededSplit.of(n, count, recipe.seed() ^ 0x9E3779B97F4A7C15L).heldOut();
    }

    static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }
}
