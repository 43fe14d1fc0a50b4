package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldScore;

/**
 * FLD of distorted Fashion-MNIST test images under a reference flow trained on the training split (the
 * flow {@link FashionMnistQualityRun} saves). The first N test images are the held-out real set R_test;
 * every other set is the next N test images, undistorted or distorted at each of the kind's five
 * default levels (seed 7).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FashionMnistFldTable FLOW_FILE OUT_CSV
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
        Flow flow = Flow.load(Path.of(args[0]));
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        NativeThreads.set(args.length > 3 ? Integer.parseInt(args[3]) : 2);
        ImageSource test = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("t10k-images-idx3-ubyte.gz")).build();
        long start = System.nanoTime();
        Fld fld = Fld.using(flow, ImageSources.subset(test, range(0, n)));
        ImageSource scored = ImageSources.subset(test, range(n, 2 * n));
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
        System.out.printf(Locale.ROOT, "R_test bpd %.4f (%d images), %.0f s in all%n", clean.bpdReal(), n,
                (System.nanoTime() - start) / 1e9);
    }

    private static void row(String kind, double level, FldScore s, StringBuilder csv) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | [%.3f, %.3f] | %.3f | %.3f |%n", kind, level, s.value(),
                s.interval().lower(), s.interval().upper(), s.ratio(), s.bpdGenerated());
        csv.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", kind, level, s.value(),
                s.interval().lower(), s.interval().upper(), s.ratio(), s.bpdGenerated(), s.bpdReal()));
    }

    static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }
}
