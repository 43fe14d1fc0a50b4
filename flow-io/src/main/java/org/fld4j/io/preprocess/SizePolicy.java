package org.fld4j.io.preprocess;

/** What to do about images of different sizes. */
public enum SizePolicy {
    /**
     * Every image must have the size of the first one read; a different size is an error
     * ({@link org.fld4j.io.InputProblem#SIZE_MISMATCH}) naming both images and both sizes. The default, because
     * resizing changes the statistics a realism metric measures and should be a decision, not an accident.
     */
    REQUIRE_SAME,
    /** Resample every image to the target size with the chosen {@link ResizeFilter} (aspect ratio not kept). */
    RESIZE,
    /**
     * Cut the target size out of the middle of every image; an image smaller than the target is an error
     * ({@link org.fld4j.io.InputProblem#TOO_SMALL_TO_CROP}). When the margin is odd the extra pixel is cut at the
     * bottom/right: the crop starts at {@code floor((size - target) / 2)}.
     */
    CENTER_CROP
}
