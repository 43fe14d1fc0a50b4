package org.fld4j.io;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An image as a source delivers it: its identity, its 8-bit samples, and what had to be done to get them.
 *
 * @param id       where the image came from
 * @param image    the samples
 * @param warnings what was dropped or converted while decoding; empty when the image was plain 8-bit gray or RGB
 */
public record DecodedImage(ImageId id, UInt8Image image, Set<ImageWarning> warnings) {

    /** Validates presence and freezes the warning set. */
    public DecodedImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        warnings = warnings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(warnings));
    }

    /** An image that needed no conversion. */
    public static DecodedImage clean(ImageId id, UInt8Image image) {
        return new DecodedImage(id, image, Set.of());
    }

    /** The same identity and warnings with different samples (after a preprocessing step). */
    public DecodedImage withImage(UInt8Image replacement) {
        return new DecodedImage(id, replacement, warnings);
    }
}
