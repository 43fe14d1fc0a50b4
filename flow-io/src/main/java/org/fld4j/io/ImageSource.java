package org.fld4j.io;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.fld4j.io.array.ArraySourceBuilder;
import org.fld4j.io.array.CifarVariant;
import org.fld4j.io.preflight.PreflightScanner;
import org.fld4j.io.preflight.PreflightSummary;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.source.BufferedImageSource;
import org.fld4j.io.source.FileSourceBuilder;
import org.fld4j.io.source.PreprocessedSource;
import org.fld4j.io.source.SubsetSource;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.io.stream.ImageBatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A numbered, read-only sequence of images: the one way images enter fld4j.
 *
 * <p>A source knows how many images it lists and what each one is called ({@link #id}) without decoding anything;
 * {@link #read} decodes one image on demand. That is what lets a folder of a million files be streamed in bounded
 * memory ({@link #batches}), shuffled and subset by index, and summarised before use ({@link #preflight}).
 *
 * <h2>Building a source</h2>
 * <pre>{@code
 * ImageSource photos = ImageSource.folder(Path.of("photos"))
 *         .recursive(true)
 *         .ignoreNonImages(true)
 *         .badInput(BadInputPolicy.SKIP)
 *         .build();
 * ImageSource mnist = ImageSource.idx(Path.of("train-images-idx3-ubyte.gz"))
 *         .labels(Path.of("train-labels-idx1-ubyte.gz"))
 *         .build();
 * ImageSource generated = ImageSource.array(samples)      // INDArray [N, 3, 64, 64]
 *         .range(ValueRange.SIGNED)
 *         .build();
 * }</pre>
 *
 * <h2>Reading it</h2>
 * <pre>{@code
 * BatchOptions options = BatchOptions.of(256).withPreprocessing(Preprocessing.resizeTo(64, 64, ResizeFilter.LANCZOS3));
 * try (ImageBatchStream stream = photos.batches(options)) {
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

    // ---------------------------------------------------------------- views

    /**
     * The same images in an order drawn from {@code seed}. The order depends only on the seed and
     * {@link #size()} ({@link java.util.Random} with the seed, Fisher-Yates), so it is the same on every JVM.
     */
    default ImageSource shuffled(long seed) {
        return SubsetSource.shuffled(this, seed);
    }

    /**
     * The same images converted by {@code preprocessing} whenever they are read, for code that reads a source with
     * its own batch options. {@link Preprocessing#none()} returns this source itself.
     */
    default ImageSource preprocessed(Preprocessing preprocessing) {
        return preprocessing.equals(Preprocessing.none()) ? this : new PreprocessedSource(this, preprocessing);
    }

    /**
     * The images at {@code indices}, in that order. Indices may not repeat.
     *
     * @throws IllegalArgumentException if an index is out of range or repeated
     */
    default ImageSource subset(int[] indices) {
        return new SubsetSource(this, indices);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Streams the images as NCHW batches, decoding ahead on a worker thread into a small bounded queue.
     * Close the stream (try-with-resources) to stop the worker early.
     */
    default ImageBatchStream batches(BatchOptions options) {
        return new ImageBatchStream(this, options);
    }

    /**
     * A SHA-256 over every image's shape and 8-bit samples after {@code preprocessing}, in order, so a trained
     * reference can be matched to the data it was trained on. Decodes the whole source.
     */
    default FingerprintResult fingerprint(Preprocessing preprocessing) {
        return Fingerprinter.fingerprint(this, preprocessing);
    }

    /** {@link #fingerprint(Preprocessing)} of the images as decoded. */
    default FingerprintResult fingerprint() {
        return fingerprint(Preprocessing.none());
    }

    /**
     * Formats, sizes, channel and bit-depth counts from the headers, and problem files: every image is also
     * decoded (and dropped), so truncated and damaged images are listed as the real read would find them.
     */
    default PreflightSummary preflight() {
        return PreflightScanner.scan(this);
    }

    // ---------------------------------------------------------------- factories

    /** A folder of image files. See {@link FileSourceBuilder} for the options. */
    static FileSourceBuilder folder(Path folder) {
        return FileSourceBuilder.forFolder(folder);
    }

    /** Exactly these files, in this order. */
    static FileSourceBuilder files(List<Path> files) {
        return FileSourceBuilder.forFiles(files);
    }

    /** Images already in memory, named {@code images[0]}, {@code images[1]}, ...; the list is copied. */
    static ImageSource images(List<BufferedImage> images) {
        return new BufferedImageSource("images", images);
    }

    /** An ND4J array {@code [N, C, H, W]}. The value range must be declared with {@link ArraySourceBuilder#range}. */
    static ArraySourceBuilder array(INDArray nchw) {
        return ArraySourceBuilder.forNdArray(nchw);
    }

    /** One image per row, samples read as unsigned bytes, each row laid out as {@code layout} says. */
    static ArraySourceBuilder bytes(byte[][] images, ImageShape shape) {
        return ArraySourceBuilder.forBytes(images, shape);
    }

    /** One image per row of floats; the value range must be declared. */
    static ArraySourceBuilder floats(float[][] images, ImageShape shape) {
        return ArraySourceBuilder.forFloats(images, shape);
    }

    /** An NPY file of uint8, float32 or float64 data; the layout must be named. */
    static ArraySourceBuilder npy(Path file) {
        return ArraySourceBuilder.forNpy(file);
    }

    /** One array inside an NPZ file ({@code entry} with or without the {@code .npy} suffix). */
    static ArraySourceBuilder npz(Path file, String entry) {
        return ArraySourceBuilder.forNpz(file, entry);
    }

    /** An IDX image file (MNIST family), gzipped or not. */
    static ArraySourceBuilder idx(Path images) {
        return ArraySourceBuilder.forIdx(images);
    }

    /** CIFAR-10 or CIFAR-100 binary batch files, read one after the other. */
    static ArraySourceBuilder cifar(CifarVariant variant, List<Path> files) {
        return ArraySourceBuilder.forCifar(variant, files);
    }
}
