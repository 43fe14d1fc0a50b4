package org.fld4j.io;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A numbered, read-only sequence of images: the one way images enter fld4j.
 *
 * <p>A source knows how many images it lists and what each one is called ({@link #id}) without decoding anything;
 * {@link #read} decodes one image on demand. That is what lets a folder of a million files be streamed in bounded
 * memory, shuffled and subset by index, and summarised before use.
 *
 * <p>This interface is the contract only. Sources are built, and viewed (shuffled, subset, preprocessed), through
 * {@link org.fld4j.io.source.ImageSources}; they are read as batches with
 * {@link org.fld4j.io.stream.ImageBatchStream}, fingerprinted with {@link org.fld4j.io.stream.Fingerprinter} and
 * summarised with {@link org.fld4j.io.preflight.PreflightScanner}.
 *
 * <h2>Building a source</h2>
 * <pre>{@code
 * ImageSource photos = ImageSources.folder(Path.of("photos"))
 *         .recursive(true)
 *         .ignoreNonImages(true)
 *         .badInput(BadInputPolicy.SKIP)
 *         .build();
 * ImageSource mnist = ImageSources.idx(Path.of("train-images-idx3-ubyte.gz"))
 *         .labels(Path.of("train-labels-idx1-ubyte.gz"))
 *         .build();
 * ImageSource generated = ImageSources.array(samples)      // INDArray [N, 3, 64, 64]
 *         .range(ValueRange.SIGNED)
 *         .build();
 * }</pre>
 *
 * <h2>Reading it</h2>
 * <pre>{@code
 * BatchOptions options = BatchOptions.of(256).withPreprocessing(Preprocessing.resizeTo(64, 64, ResizeFilter.LANCZOS3));
 * try (ImageBatchStream stream = new ImageBatchStream(photos, options)) {
 *     while (stream.hasNext()) {
 *         ImageBatch batch = stream.next();      // batch.images(): [n, C, 64, 64], float32, integers 0..255
 *         ...
 *     }
 *     InputReport report = stream.report();      // what was skipped, ignored, converted
 * }
 * }</pre>
 *
 * <p>Implementations are safe to {@link #read} from several threads at once.
 */
public interface ImageSource {

    /** How many images the source lists. Under {@link BadInputPolicy#SKIP} fewer may be delivered. */
    int size();

    /** The identity of image {@code index}, without decoding it. */
    ImageId id(int index);

    /**
     * Decodes image {@code index}.
     *
     * @throws ImageInputException       if this image cannot be used; the message names it
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code 0..size()-1}
     */
    DecodedImage read(int index);

    /**
     * What can be learned about image {@code index} cheaply: from the file header, or from the array shape.
     *
     * @throws ImageInputException if even the header is unusable
     */
    ImageHeader header(int index);

    /** The class label of image {@code index}, for sources that carry labels (IDX with a label file, CIFAR). */
    default OptionalInt label(int index) {
        return OptionalInt.empty();
    }

    /** The file that image {@code index} is, for sources made of image files; empty for arrays and containers. */
    default Optional<Path> file(int index) {
        return Optional.empty();
    }

    /** What happens when an image cannot be used. */
    BadInputPolicy badInputPolicy();

    /**
     * What was found while the source was listed, before any image was decoded: files left out on request,
     * and under {@link BadInputPolicy#SKIP} folders that could not be walked. Every read's report starts from it.
     */
    InputReport listingReport();

    /** A short description for reports and logs, e.g. {@code folder /data/cats (recursive)}. */
    String description();
}
