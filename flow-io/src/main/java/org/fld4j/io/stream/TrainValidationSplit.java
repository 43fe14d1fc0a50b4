package org.fld4j.io.stream;

import java.util.Objects;
import org.fld4j.io.ImageSource;

/**
 * The two parts of a seeded split. Both are views of the same underlying source, disjoint, each in source order.
 *
 * @param train      the training part
 * @param validation the validation part
 */
public record TrainValidationSplit(ImageSource train, ImageSource validation) {

    /** Validates presence. */
    public TrainValidationSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }
}
