package org.fld4j.io.stream;

/**
 * How many images go to validation: a fraction of the source, or exact counts.
 *
 * <p>With a fraction {@code f} of {@code n} images, validation gets {@code round(f * n)} (halves up) and training
 * the rest; both parts must end up non-empty. With counts, exactly {@code train} and {@code validation} images are
 * drawn and any remaining images are in neither part.
 *
 * @param validationFraction in (0, 1) when counts are not used, else 0
 * @param trainCount         training images when counts are used, else 0
 * @param validationCount    validation images when counts are used, else 0
 */
public record SplitSpec(double validationFraction, int trainCount, int validationCount) {

    /** Validates that exactly one of the two ways is used, with sensible numbers. */
    public SplitSpec {
        boolean byFraction = validationFraction != 0;
        boolean byCount = trainCount != 0 || validationCount != 0;
        if (byFraction == byCount) {
            throw new IllegalArgumentException("give either validationFraction (got " + validationFraction
                    + ") or trainCount/validationCount (got " + trainCount + "/" + validationCount + "), not both");
        }
        if (byFraction && !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1): " + validationFraction);
        }
        if (byCount && trainCount < 1) {
            throw new IllegalArgumentException("trainCount must be >= 1: " + trainCount);
        }
        if (byCount && validationCount < 1) {
            throw new IllegalArgumentException("validationCount must be >= 1: " + validationCount);
        }
    }

    /** {@code fraction} of the images for validation, the rest for training. */
    public static SplitSpec validationFraction(double fraction) {
        return new SplitSpec(fraction, 0, 0);
    }

    /** Exactly {@code train} and {@code validation} images. */
    public static SplitSpec counts(int train, int validation) {
        return new SplitSpec(0, train, validation);
    }

    /** Whether the split is given by counts. */
    public boolean byCounts() {
        return validationFraction == 0;
    }
}
