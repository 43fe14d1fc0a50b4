package org.fld4j.metrics.fld;

/**
 * A flow gave log-likelihoods that cannot be right: one that is not finite, or a mean at or above 0 (an 8-bit
 * image has probability at most 1). With a reference that loaded cleanly this means its parameters are broken (a
 * damaged or hand-edited file), so callers report the reference, not the images. Still an
 * {@link IllegalStateException}, as before it had its own type.
 */
public final class InvalidLikelihoodException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidLikelihoodException(String message) {
        super(message);
    }
}
