package org.fld4j.io.preprocess;

import java.util.Objects;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.InputProblem;
import org.fld4j.io.UInt8Image;

/**
 * Applies a {@link Preprocessing} to the images of one read, in order: channel conversion, then the size policy,
 * then the check that the result has the {@linkplain #expect expected shape}.
 *
 * <p>Where no expected shape has been set and the preprocessing leaves sizes or channel counts free
 * ({@link SizePolicy#REQUIRE_SAME}, {@link ChannelMode#KEEP}), the first image that passes provisionally sets it;
 * callers that know better (a reference, the majority of a set's headers) set it with {@link #expect} before the
 * first image. Use one instance per read, from one thread.
 */
public final class ImagePreprocessor {

    private final Preprocessing preprocessing;
    private final Resampler resampler;
    private final boolean checkAgreement;
    private ExpectedShape expected;

    /** A preprocessor for one read that checks every image against the expected shape. */
    public ImagePreprocessor(Preprocessing preprocessing) {
        this(preprocessing, true);
    }

    /**
     * @param checkAgreement whether images are checked against an expected shape; off for a stateless conversion
     *                       whose reader checks agreement itself
     */
    public ImagePreprocessor(Preprocessing preprocessing, boolean checkAgreement) {
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.resampler = new Resampler(preprocessing.filter());
        this.checkAgreement = checkAgreement;
    }

    /** Sets the shape every image must have after preprocessing, instead of the first image's. */
    public void expect(ExpectedShape value) {
        this.expected = Objects.requireNonNull(value, "expected");
    }

    /** The shape images are checked against, once set (by {@link #expect} or by the first image). */
    public java.util.Optional<ExpectedShape> expected() {
        return java.util.Optional.ofNullable(expected);
    }

    /**
     * The preprocessed image.
     *
     * @throws ImageInputException if the image does not have the expected shape or is too small to crop; the
     *                             message names this image and says what is expected, by whom, and how to mix
     */
    public DecodedImage apply(DecodedImage decoded) {
        UInt8Image image = ChannelConverter.apply(decoded.image(), preprocessing.channels());
        ImageId id = decoded.id();
        switch (preprocessing.sizePolicy()) {
            case REQUIRE_SAME -> {
                // checked below, against the expected shape
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
        if (checkAgreement) {
            ImageShape shape = new ImageShape(image.channels(), image.height(), image.width());
            if (expected == null) {
                expected = new ExpectedShape(shape, "the first image " + id + " is");
            } else {
                check(id, shape, expected);
            }
        }
        return decoded.withImage(image);
    }

    /**
     * Throws if {@code shape} is not {@code expected}.
     *
     * @throws ImageInputException naming {@code id}, with the fix in plain words
     */
    public static void check(ImageId id, ImageShape shape, ExpectedShape expected) {
        ImageShape want = expected.shape();
        if (shape.channels() != want.channels()) {
            throw new ImageInputException(id.name(), InputProblem.CHANNEL_MISMATCH, "has " + channels(shape.channels())
                    + " but " + expected.origin() + " " + channels(want.channels())
                    + "; to mix them, convert every image to gray or to RGB");
        }
        if (shape.height() != want.height() || shape.width() != want.width()) {
            throw new ImageInputException(id.name(), InputProblem.SIZE_MISMATCH, "is " + shape.height() + "x"
                    + shape.width() + " (HxW) but " + expected.origin() + " "
                    + want.height() + "x" + want.width() + "; to mix sizes, resize or center-crop every image to one"
                    + " size");
        }
    }

    private static String channels(int n) {
        return n == 1 ? "1 channel (gray)" : n + " channels (RGB)";
    }
}
