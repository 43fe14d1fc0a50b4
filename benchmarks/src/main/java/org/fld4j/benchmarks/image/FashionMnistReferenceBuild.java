package org.fld4j.benchmarks.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.RealSetDescription;
import org.fld4j.metrics.fld.ReferenceCard;
import org.fld4j.metrics.fld.ReferenceFileHash;

/**
 * Makes the built-in Fashion-MNIST reference of flow-references from a flow {@link FashionMnistQualityRun} trained:
 * the flow, the 10,000 test images as the held-out real set R_test (read as stored: 28x28 gray, no resize), and a
 * card that declares the data, the recipe (AdamW at 1e-3, the epochs trained in all and the training's wall time)
 * and the software. Prints the held-out bits/dim and the file's content hash.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.image.FashionMnistReferenceBuild FLOW_FILE OUT_FLD
 * EPOCHS MINUTES "DESCRIPTION" [threads=2]}.
 */
public final class FashionMnistReferenceBuild {

    private FashionMnistReferenceBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: FashionMnistReferenceBuild FLOW_FILE OUT_FLD EPOCHS MINUTES DESCRIPTION [threads]");
            System.exit(2);
        }
        Flow flow = Flow.load(Path.of(args[0]));
        Path out = Path.of(args[1]);
        int epochs = Integer.parseInt(args[2]);
        long minutes = Long.parseLong(args[3]);
        NativeThreads.set(args.length > 5 ? Integer.parseInt(args[5]) : 2);
        ImageSource test = ImageSources.idx(FashionMnistQualityRun.DATA.resolve("t10k-images-idx3-ubyte.gz")).build();
        FldOptions options = FldOptions.forPreset(ImagePreset.FLD_PAPER).withSeed(1).withMaxEpochs(epochs)
                .withTimeBudget(Duration.ofMinutes(minutes));
        ReferenceCard card = ReferenceCard.ofThisRuntime(new RealSetDescription(args[4], Preprocessing.none()),
                "adamw", options.trainerOptions().learningRate());
        long start = System.nanoTime();
        Fld fld = Fld.using(flow, test, options, card);
        fld.save(out);
        System.out.printf(Locale.ROOT, "held-out bits/dim %.4f (%d images, %.0f s); %s %s%n",
                fld.reference().heldOutBitsPerDim(), test.size(), (System.nanoTime() - start) / 1e9,
                ReferenceFileHash.of(out), out);
    }
}
