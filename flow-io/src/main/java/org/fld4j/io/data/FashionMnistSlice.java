package org.fld4j.io.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.array.ArraySourceBuilder;
import org.fld4j.io.array.IdxFile;

/**
 * A slice of Fashion-MNIST bundled on the class path: the first {@value #TRAIN_COUNT} training and the first
 * {@value #TEST_COUNT} test images (28x28 gray) with their labels (0..9), as gzipped IDX files under
 * {@code org/fld4j/io/data/fashion-mnist/}. Fashion-MNIST is Copyright 2017 Zalando SE, MIT licence; see the
 * README.md next to the files for how the slice was cut.
 *
 * <pre>{@code
 * ImageSource train = FashionMnistSlice.train();        // 2000 images, labelled
 * try (ImageBatchStream s = new ImageBatchStream(train, BatchOptions.of(100))) { ... }
 * }</pre>
 */
public final class FashionMnistSlice {

    /** Training images in the slice. */
    public static final int TRAIN_COUNT = 2000;
    /** Test images in the slice. */
    public static final int TEST_COUNT = 500;
    /** The class-path folder holding the files. */
    public static final String RESOURCE_FOLDER = "/org/fld4j/io/data/fashion-mnist/";
    /** Training images file. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    /** Training labels file. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    /** Test images file. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    /** Test labels file. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private FashionMnistSlice() {
    }

    /** The {@value #TRAIN_COUNT} training images, labelled, named {@code train-images-idx3-ubyte.gz[i]}. */
    public static ImageSource train() {
        return open(TRAIN_IMAGES, TRAIN_LABELS);
    }

    /** The {@value #TEST_COUNT} test images, labelled, named {@code t10k-images-idx3-ubyte.gz[i]}. */
    public static ImageSource test() {
        return open(TEST_IMAGES, TEST_LABELS);
    }

    private static ImageSource open(String images, String labels) {
        try (InputStream imageStream = resource(images); InputStream labelStream = resource(labels)) {
            return ArraySourceBuilder.forIdx(images, imageStream)
                    .labels(IdxFile.readLabels(labels, labelStream))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled Fashion-MNIST slice", e);
        }
    }

    /** Opens one of the bundled files; the caller closes it. */
    public static InputStream resource(String fileName) {
        InputStream in = FashionMnistSlice.class.getResourceAsStream(RESOURCE_FOLDER + fileName);
        if (in == null) {
            throw new IllegalStateException("bundled resource " + RESOURCE_FOLDER + fileName
                    + " is missing from the class path");
        }
        return in;
    }
}
