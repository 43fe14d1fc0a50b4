package org.fld4j.io;

/**
 * Something that was done to an image while it was decoded that the caller may want to know about, but that does
 * not stop the image from being used.
 */
public enum ImageWarning {
    /** The image had an alpha channel; it was dropped (not composited onto any background). */
    ALPHA_DROPPED("alpha channel dropped"),
    /** The image had more than 8 bits per sample; samples were rounded to 8 bits. */
    REDUCED_TO_8_BITS("reduced to 8 bits per sample"),
    /** The image had fewer than 8 bits per sample (1, 2 or 4-bit); samples were stretched to 0..255. */
    EXPANDED_TO_8_BITS("low bit depth expanded to 8 bits per sample"),
    /** The image was in a colour space other than gray or RGB and was converted to sRGB. */
    CONVERTED_TO_SRGB("converted to sRGB"),
    /** The file's extension names a different format than its content; the content decided. */
    EXTENSION_MISMATCH("file extension does not match the content"),
    /**
     * The file was listed through a symbolic link that leads outside the folder being read (recorded when the
     * folder is listed, under {@link org.fld4j.io.source.LinkPolicy#FOLLOW}).
     */
    LINK_LEAVES_FOLDER("symbolic link leads outside the folder");

    private final String description;

    ImageWarning(String description) {
        this.description = description;
    }

    /** A short lower-case phrase for reports. */
    public String description() {
        return description;
    }
}
