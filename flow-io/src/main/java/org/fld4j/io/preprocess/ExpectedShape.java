package org.fld4j.io.preprocess;

import java.util.Objects;
import org.fld4j.io.ImageShape;

/**
 * The shape every image of a read must have after preprocessing, and where that requirement comes from, for
 * messages: e.g. the shape a trained reference was trained on ({@code "the reference needs"}), or the shape most images
 * of the set have ({@code "most images (1999 of 2000) are"}).
 *
 * @param shape  channels, height and width after preprocessing
 * @param origin what requires it, with its verb, as a phrase that can follow "but": e.g. {@code "the reference
 *               needs"} gives "is 32x32 (HxW) but the reference needs 28x28"
 */
public record ExpectedShape(ImageShape shape, String origin) {

    /** Validates the fields. */
    public ExpectedShape {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(origin, "origin");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("origin must not be blank");
        }
    }
}
