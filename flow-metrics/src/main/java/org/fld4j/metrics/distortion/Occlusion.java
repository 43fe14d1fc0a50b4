package org.fld4j.metrics.distortion;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * Occlusion: a black square, all channels 0, covering about {@code fraction} of the image area. Its side is
 * {@code round(sqrt(fraction * H * W))}, at most {@code min(H, W)}, so on a non-square image a large fraction is
 * capped at the largest square that fits. Its top-left corner is drawn uniformly among the positions that keep it
 * fully inside the image (row first, then column), so every placement is equally likely.
 *
 * @param fraction the share of the area to cover, 0..1; a square of side 0 leaves the image unchanged
 */
public record Occlusion(double fraction) implements Distortion {

    /** Validates the range of {@code fraction}. */
    public Occlusion {
        ParameterCheck.inRange("fraction", fraction, 0, 1);
    }

    /** The side in pixels of the square on an image of {@code height x width}. */
    public int side(int height, int width) {
        long side = Math.round(Math.sqrt(fraction * height * width));
        return (int) Math.min(side, Math.min(height, width));
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        int height = image.height();
        int width = image.width();
        int side = side(height, width);
        if (side == 0) {
            return image;
        }
        int top = random.nextInt(height - side + 1);
        int left = random.nextInt(width - side + 1);
        byte[] out = image.toByteArray();
        for (int c = 0; c < image.channels(); c++) {
            for (int y = top; y < top + side; y++) {
                int start = (c * height + y) * width + left;
                Arrays.fill(out, start, start + side, (byte) 0);
            }
        }
        return UInt8Image.adopt(image.channels(), height, width, out);
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.OCCLUSION;
    }

    @Override
    public double level() {
        return fraction;
    }

    @Override
    public String description() {
        return "occlusion fraction=" + NumberText.of(fraction);
    }
}
