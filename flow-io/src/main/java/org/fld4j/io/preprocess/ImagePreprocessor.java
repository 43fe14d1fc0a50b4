package org.fld4j.io.preprocess;

import java.util.Objects;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;
import org.fld4j.io.UInt8Image;

/**
 * Applies a {@link Preprocessing} to the images of one read, in order: channel conversion, then the size policy.
 *
 * <p>Stateful: the first image that passes fixes the size (under {@link SizePolicy#REQUIRE_SAME}) and the channel
 * count (under {@link ChannelMode#KEEP}) that every later image is checked against. Use one instance per read, from
 * one thread.
 */
public final class ImagePreprocessor {

    private final Preprocessing preprocessing;
    private final Resampler resampler;
    private ImageId firstId;
    private UInt8Image first;

    /** A preprocessor for one read. */
    public ImagePreprocessor(Preprocessing preprocessing) {
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.resampler = new Resampler(preprocessing.filter());
    }

    /**
     * The preprocessed image.
     *
     * @throws ImageInputException if the image does not fit the first one (size or channels) or is too small to
     *                             crop; the message names this image and, for mismatches, the first one
     */
    public DecodedImage apply(DecodedImage decoded) {
        UInt8Image image = ChannelConverter.apply(decoded.image(), preprocessing.channels());
        ImageId id = decoded.id();
        if (first != null && preprocessing.channels() == ChannelMode.KEEP && image.channels() != first.channels()) {
            throw new ImageInputException(id.name(), InputProblem.CHANNEL_MISMATCH, "has " + image.channels()
                    + " channel(s) but the first image " + firstId + " has " + first.channels()
                    + "; convert with ChannelMode.GRAY or ChannelMode.RGB");
        }
        switch (preprocessing.sizePolicy()) {
            case REQUIRE_SAME -> {
                if (first != null && (image.height() != first.height() || image.width() != first.width())) {
                    throw new ImageInputException(id.name(), InputProblem.SIZE_MISMATCH, "is " + image.width() + "x"
                            + image.height() + " (WxH) but the first image " + firstId + " is " + first.width() + "x"
                            + first.height() + "; choose SizePolicy.RESIZE or CENTER_CROP to mix sizes");
                }
            }
            case RESIZE -> image = resampler.resize(image, preprocessing.targetHeight(), preprocessing.targetWidth());
            case CENTER_CROP -> {
                try {
                    image = CenterCropper.crop(image, preprocessing.targetHeight(), preprocessing.targetWidth());
                } catch (IllegalArgumentException e) {
                    throw new ImageInputException(id.name(), InputProblem.TOO_SMALL_TO_CROP, e.getMessage(), e);
                }
            }
        }
        if (first == null) {
            first = image;
            firstId = id;
        }
        return decoded.withImage(image);
    }
}
