package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.SampleEfficiency;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.fld4j.metrics.fld.SampleEfficiencyResult;

/**
 * The sample-efficiency curve on Fashion-MNIST: a reference flow trained on the training split (the flow
 * {@link FashionMnistQualityRun} saves), the first 5,000 test images as R_test, and as the "generated" set
 * the other 5,000 test images with additive Gaussian noise (sigma from the second argument, default 8;
 * seed 7). FLD of random subsets of 50 ... 5,000 images, 20 repeats each, against the whole R_test.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FashionMnistSampleEfficiency FLOW_FILE
 * [sigma=8] [threads=2]}.
 */
public final class FashionMnistSampleEfficiency {

    private FashionMnistSampleEfficiency() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FashionMnistSampleEfficiency FLOW_FILE [sigma] [threads]");
            System.exit(2);
        }
        Flow flow = Flow.load(Path.of(args[0]));
        double sigma = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        NativeThreads.set(args.length > 2 ? Integer.parseInt(args[2]) : 2);
        ImageSource test = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("t10k-images-idx3-ubyte.gz")).build();
        long start = System.nanoTime();
        Fld fld = Fld.using(flow, ImageSources.subset(test, FashionMnistFldTable.range(0, 5000)));
        ImageSource generated = Distortion.of(DistortionKind.ADDITIVE_NOISE, sigma)
                .applyTo(ImageSources.subset(test, FashionMnistFldTable.range(5000, 10_000)), 7);
        SampleEfficiencyResult result = SampleEfficiency.of(fld).options(SampleEfficiencyOptions.defaults())
                .run(generated);
        System.out.printf(Locale.ROOT, "| images | mean FLD | std | std / mean | 5%% | median | 95%% |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|%n");
        for (SampleEfficiencyPoint p : result.points()) {
            System.out.printf(Locale.ROOT, "| %d | %.4f | %.4f | %.1f%% | %.4f | %.4f | %.4f |%n", p.size(), p.mean(),
                    p.std(), 100 * p.std() / Math.abs(p.mean()), p.q05(), p.median(), p.q95());
        }
        System.out.printf(Locale.ROOT, "FLD of all %d: %.4f; std under 5%% of the mean from %s images; %.0f s%n",
                result.generatedCount(), result.fullFld(), result.stableSize(0.05), (System.nanoTime() - start) / 1e9);
    }
}
