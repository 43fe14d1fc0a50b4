package org.fld4j.metrics.fld;

/**
 * One image's score under a reference flow.
 *
 * @param index         position of the image in the scored set, in source order (skipped images not counted)
 * @param name          the image's name as its source gives it (a file's relative path, or
 *                      {@code container[index]})
 * @param logLikelihood log-likelihood of the 8-bit image in nats, the whole preprocessing chain included
 * @param bitsPerDim    {@code -logLikelihood / (D ln 2)}
 */
public record ImageScore(int index, String name, double logLikelihood, double bitsPerDim) {
}
