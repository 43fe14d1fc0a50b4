package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.references.BuiltinReference;
import org.fld4j.metrics.fld.FldScore;

/**
 * Wall time of FLD for N "generated" 28x28 images (the first N Fashion-MNIST training images stand in for
 * them): reading, scoring every image once, and the bootstrap interval, end to end as a user's {@code Fld.score}
 * call runs them. The reference is {@code builtin:fashion-mnist} (its 10,000 test images already scored), a saved
 * reference file ({@code .fld}), or a flow file, which is given the first 500 test images as R_test (scored
 * before the clock starts).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FldScoringTime builtin:fashion-mnist|REF.fld|FLOW
 * [N=10000] [threads=2] [evaluationBatch=64]}.
 */
public final class FldScoringTime {

    private FldScoringTime() {
    }

    /** FLD under {@code flow} with the first 500 Fashion-MNIST test images as R_test, {@code batch} images a pass. */
    static Fld againstFirstTestImages(Flow flow, int batch) {
        ImageSource test = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("t10k-images-idx3-ubyte.gz")).build();
        return Fld.using(flow, ImageSources.subset(test, FashionMnistFldTable.range(0, 500)),
                org.fld4j.metrics.fld.FldOptions.defaults().withEvaluationBatchSize(batch));
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        NativeThreads.set(args.length > 2 ? Integer.parseInt(args[2]) : 2);
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : org.fld4j.metrics.fld.FldOptions.DEFAULT_EVALUATION_BATCH_SIZE;
        ImageSource train = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("train-images-idx3-ubyte.gz")).build();
        Fld fld;
        if (args[0].equals("builtin:" + BuiltinReference.FASHION_MNIST.id())) {
            fld = BuiltinReference.FASHION_MNIST.load();
        } else if (args[0].endsWith(".fld")) {
            fld = Fld.load(Path.of(args[0]));
        } else {
            fld = againstFirstTestImages(Flow.load(Path.of(args[0])), batch);
        }
        if (fld.options().evaluationBatchSize() != batch) {
            fld = fld.evaluationBatchSize(batch);
        }
        long start = System.nanoTime();
        FldScore score = fld.score(ImageSources.subset(train, FashionMnistFldTable.range(0, n)));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "FLD of %d images: %.1f s (%.1f images/s), %s%n", n, seconds, n / seconds,
                score.summary());
    }
}
