package org.fld4j.benchmarks.coverage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.fld.Fld;

/**
 * Why {@code fld demo}'s undistorted row read above 0: trains the demo's reference (a {@code small} flow, 12 epochs,
 * on the built-in slice's 2,000 training images, 20% held out) with several seeds and scores, under each, real
 * images that differ in where they come from: the slice's 500 test images (what the demo scored), 500 test images
 * drawn at random from the whole test split, the whole test split, and 10,000 training-split images outside the
 * slice. FLD of the last is 0 up to R_test's own noise; the gaps between the rows are the split difference and the
 * slice's own composition.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.coverage.DemoSliceBias [seeds=5] [epochs=12]
 * [flows=1]}; needs Debian's {@code dataset-fashion-mnist}.
 */
public final class DemoSliceBias {

    private DemoSliceBias() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int flows = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        NativeThreads.set(2);
        ImageSource test = PoolData.open("t10k-images-idx3-ubyte.gz");
        ImageSource train = PoolData.open("train-images-idx3-ubyte.gz");
        int[] randomTest = Arrays.copyOf(PoolData.permutation(test.size(), 5), 500);
        Arrays.sort(randomTest);
        int[] outside = new int[10_000];
        for (int i = 0; i < outside.length; i++) {
            outside[i] = 50_000 + i;
        }
        System.out.println("| seed | slice test (500) | random test (500) | all test (10,000) | training split outside"
                + " the slice (10,000) | R_test bpd |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int seed = 1; seed <= seeds; seed++) {
            Fld fld = Fld.of(FashionMnistSlice.train()).preset(ImagePreset.SMALL).maxEpochs(epochs)
                    .timeBudget(Duration.ofMinutes(30)).seed(seed).referenceFlows(flows).train();
            System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %.4f |%n", seed,
                    cell(fld, FashionMnistSlice.test()), cell(fld, ImageSources.subset(test, randomTest)),
                    cell(fld, test),
                    cell(fld, ImageSources.subset(train, outside)), fld.reference().heldOutBitsPerDim());
        }
    }

    private static String cell(Fld fld, ImageSource images) {
        var score = fld.score(images);
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", score.value(), score.interval().lower(),
                score.interval().upper());
    }
}
