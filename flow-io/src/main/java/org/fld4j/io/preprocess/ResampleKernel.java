package org.fld4j.io.preprocess;

/**
 * The weights of a one-dimensional resampling pass, computed once per image size and reused for every row.
 *
 * @param first   for each output position, the first input index it reads
 * @param weights for each output position, the normalised weights of the input pixels from {@code first} on
 */
record ResampleKernel(int[] first, double[][] weights) {
}
