package org.fld4j.io.source;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.array.ArraySourceBuilder;
import org.fld4j.io.array.CifarVariant;
import org.fld4j.io.preprocess.Preprocessing;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where {@link ImageSource}s come from: image files, images in memory, ND4J and Java arrays, NPY/NPZ, IDX and
 * CIFAR files; and views of a source (shuffled, a subset, preprocessed on read).
 *
 * <pre>{@code
 * ImageSource photos = ImageSources.folder(Path.of("photos")).recursive(true).build();
 * ImageSource mnist = ImageSources.idx(Path.of("train-images-idx3-ubyte.gz")).build();
 * ImageSource generated = ImageSources.array(samples).range(ValueRange.SIGNED).build();  // INDArray [N, 3, 64, 64]
 * }</pre>
 */
public final class ImageSources {

    private ImageSources() {
    }

    // ---------------------------------------------------------------- factories

    /** A folder of image files. See {@link FileSourceBuilder} for the options. */
    public static FileSourceBuilder folder(Path folder) {
        return FileSourceBuilder.forFolder(folder);
    }

    /** Exactly these files, in this order. */
    public static FileSourceBuilder files(List<Path> files) {
        return FileSourceBuilder.forFiles(files);
    }

    /** Images already in memory, named {@code images[0]}, {@code images[1]}, ...; the list is copied. */
    public static ImageSource images(List<BufferedImage> images) {
        return new BufferedImageSource("images", images);
    }

    /** An ND4J array {@code [N, C, H, W]}. The value range must be declared with {@link ArraySourceBuilder#range}. */
    public static ArraySourceBuilder array(INDArray nchw) {
        return ArraySourceBuilder.forNdArray(nchw);
    }

    /** One image per row, samples read as unsigned bytes, each row laid out as {@code layout} says. */
    public static ArraySourceBuilder bytes(byte[][] images, ImageShape shape) {
        return ArraySourceBuilder.forBytes(images, shape);
    }

    /** One image per row of floats; the value range must be declared. */
    public static ArraySourceBuilder floats(float[][] images, ImageShape shape) {
        return ArraySourceBuilder.forFloats(images, shape);
    }

    /** An NPY file of uint8, float32 or float64 data; the layout must be named. */
    public static ArraySourceBuilder npy(Path file) {
        return ArraySourceBuilder.forNpy(file);
    }

    /** One array inside an NPZ file ({@code entry} with or without the {@code .npy} suffix). */
    public static ArraySourceBuilder npz(Path file, String entry) {
        return ArraySourceBuilder.forNpz(file, entry);
    }

    /** An IDX image file (MNIST family), gzipped or not. */
    public static ArraySourceBuilder idx(Path images) {
        return ArraySourceBuilder.forIdx(images);
    }

    /** CIFAR-10 or CIFAR-100 binary batch files, read one after the other. */
    public static ArraySourceBuilder cifar(CifarVariant variant, List<Path> files) {
        return ArraySourceBuilder.forCifar(variant, files);
    }

    // ---------------------------------------------------------------- views

    /**
     * The same images in an order drawn from {@code seed}. The order depends only on the seed and
     * {@link ImageSource#size()} ({@link java.util.Random} with the seed, Fisher-Yates), so it is the same on every
     * JVM.
     */
    public static ImageSource shuffled(ImageSource source, long seed) {
        return SubsetSource.shuffled(source, seed);
    }

    /**
     * The images of {@code source} at {@code indices}, in that order. Indices may not repeat.
     *
     * @throws IllegalArgumentException if an index is out of range or repeated
     */
    public static ImageSource subset(ImageSource source, int[] indices) {
        return new SubsetSource(source, indices);
    }

    /**
     * The same images converted by {@code preprocessing} whenever they are read, for code that reads a source with
     * its own batch options. {@link Preprocessing#none()} returns {@code source} itself.
     */
    public static ImageSource preprocessed(ImageSource source, Preprocessing preprocessing) {
        return preprocessing.equals(Preprocessing.none()) ? source : new PreprocessedSource(source, preprocessing);
    }
}
