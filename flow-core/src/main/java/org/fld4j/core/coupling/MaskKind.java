package org.fld4j.core.coupling;

/** Which values of an image an {@link Coupling} conditions on (SPEC §1). */
public enum MaskKind {
    /** Pixels with {@code (i + j) mod 2 = 1} condition, the others are transformed (inverted: the reverse). */
    CHECKERBOARD,
    /** The first {@code floor(C/2)} channels condition, the rest are transformed (inverted: the reverse). */
    CHANNEL
}
