package org.fld4j.metrics.fld;

import java.util.Objects;

/**
 * Something that makes a score less trustworthy than its interval suggests, with a stable code a program can
 * test for (the codes never change meaning; new ones may be added) and a sentence for a person.
 *
 * @param code    e.g. {@value #SMALL_GENERATED_SET}; upper case letters and underscores
 * @param message what was found and what to do, with the numbers
 */
public record ScoreWarning(String code, String message) implements java.io.Serializable {

    /** Fewer generated images than {@link ScoreWarnings#SMALL_SET} (held-out generated images for D-FLD). */
    public static final String SMALL_GENERATED_SET = "SMALL_GENERATED_SET";

    /** Fewer held-out real images (R_test) than {@link ScoreWarnings#SMALL_SET}. */
    public static final String SMALL_HELD_OUT_SET = "SMALL_HELD_OUT_SET";

    /**
     * At least {@link ScoreWarnings#LARGE_RATIO} times as many generated images as held-out real ones: the
     * interval is then set by R_test's few images, and more generated images would not narrow it.
     */
    public static final String GENERATED_MUCH_LARGER_THAN_HELD_OUT = "GENERATED_MUCH_LARGER_THAN_HELD_OUT";

    /** D-FLD: the flow trained on the generated images saw fewer images than its preset needs. */
    public static final String UNDERTRAINED_GENERATED_FLOW = "UNDERTRAINED_GENERATED_FLOW";

    /**
     * D-FLD: the two flows were trained on different numbers of images, so D-FLD also measures how much better a
     * flow learns from more images (size matching was turned off, or R was trained beforehand).
     */
    public static final String SIZE_MISMATCH = "SIZE_MISMATCH";

    /** FLD below 0 that near-copies of the reference's training images explain (a memorization check). */
    public static final String MEMORIZATION = "MEMORIZATION";

    /** A warning given as a bare sentence, without a code (a {@link DualFldScore} built from strings). */
    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    public ScoreWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("a warning code is upper case letters and underscores, not " + code);
        }
    }
}
