package org.fld4j.benchmarks.io;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.UInt8Image;

/**
 * Images made up on demand from a seed and their index, so the source holds no image data at all: whatever memory
 * a stream over it uses is the stream's own. Image {@code i} is the same on every read.
 */
public final class SyntheticImageSource implements ImageSource {

    private static final String NAME = "synthetic";

    private final int count;
    private final ImageShape shape;
    private final long seed;

    /**
     * @param count how many images the source lists
     * @param shape the shape of every image
     * @param seed  what the samples are drawn from
     */
    public SyntheticImageSource(int count, ImageShape shape, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        this.count = count;
        this.shape = Objects.requireNonNull(shape, "shape");
        this.seed = seed;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public ImageId id(int index) {
        Objects.checkIndex(index, count);
        return ImageId.inContainer(NAME, index);
    }

    @Override
    public DecodedImage read(int index) {
        ImageId id = id(index);
        byte[] samples = new byte[shape.sampleCount()];
        // Golden-ratio spacing of the per-image seeds keeps neighbouring images' streams unrelated.
        new SplittableRandom(seed + index * 0x9E3779B97F4A7C15L).nextBytes(samples);
        return DecodedImage.clean(id, UInt8Image.adopt(shape.channels(), shape.height(), shape.width(), samples));
    }

    @Override
    public ImageHeader header(int index) {
        Objects.checkIndex(index, count);
        return new ImageHeader(NAME, shape.width(), shape.height(), shape.channels(), false, 8);
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return BadInputPolicy.FAIL;
    }

    @Override
    public InputReport listingReport() {
        return InputReport.empty(description());
    }

    @Override
    public String description() {
        return NAME + " (" + count + " x " + shape + ")";
    }
}
