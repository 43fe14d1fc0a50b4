package org.fld4j.metrics.distortion;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;

/**
 * JPEG compression damage: the image is encoded with the JDK's JPEG writer at an explicit compression quality of
 * {@code quality / 100} and decoded back, in memory. Grayscale images are written with one component and stay
 * grayscale; RGB images are written as YCbCr (the JDK's default JFIF layout, with its chroma subsampling) and come
 * back as RGB. Deterministic: the random generator is not used.
 *
 * <p>The result is the JDK codec's: other encoders (libjpeg, Pillow) at the same nominal quality give similar but
 * not byte-identical images.
 *
 * @param quality {@value #MIN_QUALITY}..{@value #MAX_QUALITY}; lower is stronger damage
 */
public record JpegReencode(int quality) implements Distortion {

    /** The lowest quality. */
    public static final int MIN_QUALITY = 1;
    /** The highest quality (still lossy: colour conversion and DCT rounding remain). */
    public static final int MAX_QUALITY = 100;

    /** Validates the range of {@code quality}. */
    public JpegReencode {
        ParameterCheck.inRange("quality", quality, MIN_QUALITY, MAX_QUALITY);
    }

    @Override
    public UInt8Image apply(UInt8Image image, SplittableRandom random) {
        byte[] jpeg = JpegCodec.encode(image, quality / 100f);
        UInt8Image decoded = JpegCodec.decode(jpeg, image.channels());
        if (!decoded.sameShape(image)) {
            throw new IllegalStateException("JPEG round trip changed " + image.shapeText() + " to "
                    + decoded.shapeText());
        }
        return decoded;
    }

    @Override
    public DistortionKind kind() {
        return DistortionKind.JPEG;
    }

    @Override
    public double level() {
        return quality;
    }

    @Override
    public String description() {
        return "JPEG quality=" + quality;
    }
}
