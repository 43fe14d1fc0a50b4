package org.fld4j.io.source;

/**
 * How a folder is listed.
 *
 * @param recursive        descend into sub-folders (following symbolic links to folders unless {@code links} is
 *                         IGNORE; loops are detected and reported)
 * @param ignoreHidden     leave out files and folders whose name starts with a dot or that the file system marks
 *                         hidden. Off by default: an image is an image, and silently dropping some would change
 *                         what a metric measures.
 * @param ignoreNonImages  leave out files whose extension is not an image format's (see
 *                         {@link org.fld4j.io.decode.ImageFormat}). Off by default: such files are listed, appear in
 *                         the pre-flight summary, and are decoded by content (a PNG named {@code .dat} still reads)
 *                         or fail / are skipped like any other bad file.
 * @param links            what symbolic links do; default {@link LinkPolicy#FOLLOW}
 */
public record FolderOptions(boolean recursive, boolean ignoreHidden, boolean ignoreNonImages, LinkPolicy links) {

    /** Validates the link policy. */
    public FolderOptions {
        java.util.Objects.requireNonNull(links, "links");
    }

    /** The options with links followed. */
    public FolderOptions(boolean recursive, boolean ignoreHidden, boolean ignoreNonImages) {
        this(recursive, ignoreHidden, ignoreNonImages, LinkPolicy.FOLLOW);
    }

    /** Not recursive, nothing ignored, links followed. */
    public static FolderOptions defaults() {
        return new FolderOptions(false, false, false, LinkPolicy.FOLLOW);
    }
}
