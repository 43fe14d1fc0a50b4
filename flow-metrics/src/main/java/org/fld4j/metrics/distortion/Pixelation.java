package org.fld4j.metrics.distortion;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * Pixelation: the image is tiled into {@code blockSize x blockSize} blocks from the top-left corner, the blocks at
 * the right and bottom edges being smaller where the size does not divide, and every sample of a block is replaced
 * by the block's mean, per channel, rounded to the nearest integer (halves up). The mean of a partial block is over
 * the pixels it has, so the edges are not darkened.
 *
 * @param blockSize the block side in pixels, at least 1; 1 leaves the image unchanged
 */
public record Pixelation(int blockSize) implements Distortion {

    /** Validates that {@code blockSize} is positive. */
    public Pixelation {
        ParameterCheck.inRange("blockSize", blockSize, 1, Integer.MAX_VALUE);
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        if (blockSize == 1) {
            return image;
        }
        int height = image.height();
        int width = image.width();
        byte[] out = new byte[image.sampleCount()];
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * height * width;
            for (int top = 0; top < height; top += blockSize) {
                int bottom = (int) Math.min(height, (long) top + blockSize);
                for (int left = 0; left < width; left += blockSize) {
                    int right = (int) Math.min(width, (long) left + blockSize);
                    long sum = 0;
                    for (int y = top; y < bottom; y++) {
                        for (int x = left; x < right; x++) {
                            sum += image.sample(plane + y * width + x);
                        }
                    }
                    long count = (long) (bottom - top) * (right - left);
                    byte mean = (byte) ((2 * sum + count) / (2 * count));
                    for (int y = top; y < bottom; y++) {
                        Arrays.fill(out, plane + y * width + left, plane + y * width + right, mean);
                    }
                }
            }
        }
        return UInt8Image.adopt(image.channels(), height, width, out);
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.PIXELATION;
    }

    @Override
    public double level() {
        return blockSize;
    }

    @Override
    public String description() {
        return "pixelation blockSize=" + NumberText.of(blockSize);
    }
}
