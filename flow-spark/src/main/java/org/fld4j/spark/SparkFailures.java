package org.fld4j.spark;

import org.fld4j.io.ImageInputException;
import org.fld4j.metrics.fld.InvalidLikelihoodException;
import org.fld4j.metrics.fld.TooFewImagesException;

/**
 * Turns a failed Spark job back into the error one machine would have thrown: Spark wraps a task's exception in
 * its own ("Job aborted due to stage failure: ..."); a bad image (under FAIL), an invalid likelihood or too few
 * images should reach the caller as themselves, with their own message naming the image.
 */
final class SparkFailures {

    private SparkFailures() {
    }

    static RuntimeException unwrap(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ImageInputException || t instanceof InvalidLikelihoodException
                    || t instanceof TooFewImagesException || t instanceof IllegalArgumentException) {
                return (RuntimeException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure instanceof RuntimeException r ? r
                : new IllegalStateException("the Spark job failed: " + failure.getMessage(), failure);
    }
}
