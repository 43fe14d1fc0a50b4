package org.fld4j.io;

/** What a source does with an image it cannot use. */
public enum BadInputPolicy {
    /** Stop at the first bad image with an {@link ImageInputException} naming it. The default. */
    FAIL,
    /**
     * Leave the bad image out, record it with its reason in the {@link InputReport}, and go on. A result computed
     * from a source read this way carries that report, so nobody mistakes it for a result over every input.
     */
    SKIP
}
