package org.fld4j.io.source;

/**
 * What listing a folder does with symbolic links to files (and, when recursive, to folders). Links that lead to
 * folders are never listed as images: without recursion they are left out like real sub-folders.
 */
public enum LinkPolicy {
    /**
     * Follow every link (the default). Data sets are often assembled from links into a shared store, and fld4j
     * only reads its inputs, so following is what a user who made the links expects; each link that leads outside
     * the folder is still recorded in the input report ({@link org.fld4j.io.ImageWarning#LINK_LEAVES_FOLDER}) so
     * that reading a file from elsewhere is never silent.
     */
    FOLLOW,
    /**
     * Follow links that stay inside the folder; a link that leads outside it is a bad input
     * ({@link org.fld4j.io.InputProblem#LINK_OUTSIDE_FOLDER}): the listing fails under FAIL and records it under SKIP.
     * For folders received from others.
     */
    INSIDE,
    /** Leave out every link, recorded as ignored. */
    IGNORE
}
