package org.fld4j.metrics.fld;

/**
 * A set holds fewer usable images than a computation needs. Still an {@link IllegalArgumentException}, so
 * callers that only catch bad arguments keep working; its own type lets a command line tell "too few
 * images" apart from other bad input.
 */
public final class TooFewImagesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long found;
    private final long needed;

    /**
     * @param message what was counted and what is needed, naming the set
     * @param found   usable images found
     * @param needed  the least number that works
     */
    public TooFewImagesException(String message, long found, long needed) {
        super(message);
        this.found = found;
        this.needed = needed;
    }

    /** Usable images found. */
    public long found() {
        return found;
    }

    /** The least number of images that works. */
    public long needed() {
        return needed;
    }
}
