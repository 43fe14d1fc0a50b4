package org.fld4j.io.preprocess;

/** Which channel count images should have. */
public enum ChannelMode {
    /**
     * Keep images as decoded. All images of one read must then have the same channel count; a gray image among
     * colour ones is an error ({@link org.fld4j.io.InputProblem#CHANNEL_MISMATCH}) naming both images. The default.
     */
    KEEP,
    /**
     * Convert colour to gray with the ITU-R BT.601 luma weights {@code 0.299 R + 0.587 G + 0.114 B}, rounded half
     * up (the convention of common imaging libraries' "L" mode); gray stays as it is.
     */
    GRAY,
    /** Convert gray to colour by copying the gray value into R, G and B; colour stays as it is. */
    RGB
}
