package org.fld4j.io;

/** Why an image (or a whole input) could not be used. Carried by {@link ImageInputException} and {@link SkippedImage}. */
public enum InputProblem {
    /** The file has zero bytes. */
    EMPTY_FILE,
    /** The file ends before its format says it should (a cut-off download or copy). */
    TRUNCATED,
    /** The extension names a known image format but the content does not start with that format's signature. */
    WRONG_MAGIC,
    /** No installed reader recognises the content. */
    UNKNOWN_FORMAT,
    /** The content is recognised but damaged in a way other than truncation. */
    CORRUPT,
    /** The header declares more pixels than the configured limit; refused before decoding. */
    TOO_LARGE,
    /** The file or folder cannot be opened (permissions, or it vanished). */
    UNREADABLE,
    /** A symbolic link leads back into a folder that is already being walked. */
    SYMLINK_LOOP,
    /** A symbolic link leads outside the folder while links are limited to it ({@code LinkPolicy.INSIDE}). */
    LINK_OUTSIDE_FOLDER,
    /** A folder holds no image files (after anything the caller asked to ignore). */
    EMPTY_FOLDER,
    /** An array value is NaN, infinite or outside the declared value range. */
    BAD_VALUE,
    /** An NPY/IDX element type that images cannot be read from. */
    UNSUPPORTED_DTYPE,
    /** An array's shape does not fit the declared layout, or a header is malformed. */
    SHAPE_MISMATCH,
    /** An image's size differs from the first image's while the size policy requires them to be equal. */
    SIZE_MISMATCH,
    /** An image's channel count differs from the first image's while channels are kept as they are. */
    CHANNEL_MISMATCH,
    /** A container (NPZ) does not hold the entry that was asked for. */
    MISSING_ENTRY,
    /** An image is smaller than the crop that was asked for. */
    TOO_SMALL_TO_CROP
}
