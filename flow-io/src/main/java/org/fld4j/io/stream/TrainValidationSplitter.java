package org.fld4j.io.stream;

import java.util.Arrays;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.SubsetSource;

/**
 * Draws a train/validation split. The draw is the seeded permutation of {@link SubsetSource#permutation}: the
 * first {@code validation} positions of it go to validation, the next {@code train} to training, and each part is
 * then put back in source order. It depends only on the seed and the number of images, so the same seed over the same
 * (stably sorted) listing always gives the same split.
 */
public final class TrainValidationSplitter {

    private TrainValidationSplitter() {
    }

    /**
     * Splits {@code source}.
     *
     * @throws IllegalArgumentException if the spec asks for more images than there are, or leaves a part empty
     */
    public static TrainValidationSplit split(ImageSource source, SplitSpec spec, long seed) {
        int n = source.size();
        int validation;
        int train;
        if (spec.byCounts()) {
            validation = spec.validationCount();
            train = spec.trainCount();
            if ((long) validation + train > n) {
                throw new IllegalArgumentException("split asks for " + train + " training + " + validation
                        + " validation images but the source has " + n);
            }
        } else {
            validation = (int) Math.floor(spec.validationFraction() * n + 0.5);
            train = n - validation;
            if (validation < 1 || train < 1) {
                throw new IllegalArgumentException("validationFraction " + spec.validationFraction() + " of " + n
                        + " images leaves " + train + " for training and " + validation + " for validation;"
                        + " both must be >= 1");
            }
        }
        int[] order = SubsetSource.permutation(n, seed);
        int[] validationIndices = Arrays.copyOfRange(order, 0, validation);
        int[] trainIndices = Arrays.copyOfRange(order, validation, validation + train);
        Arrays.sort(validationIndices);
        Arrays.sort(trainIndices);
        return new TrainValidationSplit(source.subset(trainIndices), source.subset(validationIndices));
    }
}
