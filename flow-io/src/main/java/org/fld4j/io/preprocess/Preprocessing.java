package org.fld4j.io.preprocess;

import java.util.Objects;

/**
 * What to do to decoded images before they are batched.
 *
 * @param channels     channel conversion; default {@link ChannelMode#KEEP}
 * @param sizePolicy   how differing sizes are handled; default {@link SizePolicy#REQUIRE_SAME}
 * @param targetHeight rows after RESIZE or CENTER_CROP; 0 with REQUIRE_SAME
 * @param targetWidth  columns after RESIZE or CENTER_CROP; 0 with REQUIRE_SAME
 * @param filter       the filter for RESIZE; ignored otherwise (kept at its default {@link ResizeFilter#TRIANGLE})
 */
public record Preprocessing(ChannelMode channels, SizePolicy sizePolicy, int targetHeight, int targetWidth,
                            ResizeFilter filter) implements java.io.Serializable {

    /** Validates that a target is given exactly when the policy needs one. */
    public Preprocessing {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(sizePolicy, "sizePolicy");
        Objects.requireNonNull(filter, "filter");
        if (sizePolicy == SizePolicy.REQUIRE_SAME) {
            if (targetHeight != 0 || targetWidth != 0) {
                throw new IllegalArgumentException("targetHeight/targetWidth must be 0 with REQUIRE_SAME: "
                        + targetHeight + "x" + targetWidth);
            }
        } else {
            if (targetHeight < 1) {
                throw new IllegalArgumentException("targetHeight must be >= 1 for " + sizePolicy + ": "
                        + targetHeight);
            }
            if (targetWidth < 1) {
                throw new IllegalArgumentException("targetWidth must be >= 1 for " + sizePolicy + ": " + targetWidth);
            }
        }
    }

    /** Nothing converted; all images must have the same size and channel count. */
    public static Preprocessing none() {
        return new Preprocessing(ChannelMode.KEEP, SizePolicy.REQUIRE_SAME, 0, 0, ResizeFilter.TRIANGLE);
    }

    /** Resize every image to {@code height x width} with {@code filter}. */
    public static Preprocessing resizeTo(int height, int width, ResizeFilter filter) {
        return new Preprocessing(ChannelMode.KEEP, SizePolicy.RESIZE, height, width, filter);
    }

    /** Cut {@code height x width} out of the middle of every image. */
    public static Preprocessing centerCrop(int height, int width) {
        return new Preprocessing(ChannelMode.KEEP, SizePolicy.CENTER_CROP, height, width, ResizeFilter.TRIANGLE);
    }

    /** The same with channel mode {@code value}. */
    public Preprocessing withChannels(ChannelMode value) {
        return new Preprocessing(value, sizePolicy, targetHeight, targetWidth, filter);
    }
}
