package org.fld4j.metrics.distortion;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * Salt-and-pepper noise: each pixel position, independently with probability {@code rate}, becomes black (0) or
 * white (255) with equal chance, in all channels at once (a dead or stuck sensor pixel, not a coloured speck).
 * Positions are visited row by row; each draws one uniform number, and a hit draws one more for the colour.
 *
 * @param rate the probability that a pixel is hit, 0..1
 */
public record SaltAndPepper(double rate) implements Distortion {

    /** Validates the range of {@code rate}. */
    public SaltAndPepper {
        ParameterCheck.inRange("rate", rate, 0, 1);
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        if (rate == 0) {
            return image;
        }
        int pixels = image.height() * image.width();
        byte[] out = image.toByteArray();
        for (int p = 0; p < pixels; p++) {
            if (random.nextDouble() < rate) {
                byte value = random.nextBoolean() ? (byte) 255 : 0;
                for (int c = 0; c < image.channels(); c++) {
                    out[c * pixels + p] = value;
                }
            }
        }
        return UInt8Image.adopt(image.channels(), image.height(), image.width(), out);
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.SALT_AND_PEPPER;
    }

    @Override
    public double level() {
        return rate;
    }

    @Override
    public String description() {
        return "salt-and-pepper rate=" + NumberText.of(rate);
    }
}
