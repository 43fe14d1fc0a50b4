package org.fld4j.io.array;

import java.io.IOException;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageShape;

/**
 * A stack of equally shaped images stored as numbers. Knows its shape and how to fetch one image in CHW order;
 * turning numbers into 8-bit samples (range checks, rounding) is {@link ArrayImageSource}'s job.
 */
interface ImageArray {

    /** The container name used in identities, e.g. the file name. */
    String name();

    /** The storage format for reports, e.g. {@code NPY uint8}. */
    String format();

    /** The identity of image {@code index}: by default {@code name()[index]}. */
    default ImageId id(int index) {
        return ImageId.inContainer(name(), index);
    }

    /** The number of images. */
    int count();

    /** The shape of each image. */
    ImageShape shape();

    /** Stored bits per sample: 8 for bytes, 32 for float32, 64 for float64. */
    int bitsPerSample();

    /** Whether samples are stored as unsigned bytes, so {@link #readBytes} applies and no range check is needed. */
    boolean storesBytes();

    /** Copies image {@code index} in CHW order into {@code chw}. Only when {@link #storesBytes()}. */
    void readBytes(int index, byte[] chw) throws IOException;

    /** Copies image {@code index} in CHW order into {@code chw} as doubles. */
    void readValues(int index, double[] chw) throws IOException;
}
