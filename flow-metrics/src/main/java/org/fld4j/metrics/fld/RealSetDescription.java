package org.fld4j.metrics.fld;

import java.util.Objects;
import org.fld4j.io.preprocess.Preprocessing;

/**
 * What the person who trains a reference says about its real images, recorded on the reference's card: a free
 * text (what the images are, where they come from, which split) and the preprocessing they went through before the
 * flow saw them. fld4j cannot find either out from the pixels, so both are declared, not measured.
 *
 * @param text          a description of the real set, at most {@value #MAX_TEXT_CHARS} characters and one line
 *                      (no control characters); empty when none was given
 * @param preprocessing channel mode, size policy and resize filter the real images were read with; null when the
 *                      images came from a source whose preprocessing was not declared
 */
public record RealSetDescription(String text, Preprocessing preprocessing) {

    /**
     * The longest description: a paragraph, enough for a data set's name, version, split and licence; a card is
     * printed on a terminal, not a place for a data sheet (link one instead).
     */
    public static final int MAX_TEXT_CHARS = 1000;

    public RealSetDescription {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("invalid reference description: " + text.length()
                    + " characters, at most " + MAX_TEXT_CHARS + " are allowed");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("invalid reference description: it holds the control character"
                        + String.format(" U+%04X", (int) text.charAt(i)) + " at position " + i
                        + " (a description is one line of text)");
            }
        }
    }

    /** No text, preprocessing unknown: what a library user who declares nothing gets. */
    public static RealSetDescription none() {
        return new RealSetDescription("", null);
    }

    /** The same description with {@code value} as its text. */
    public RealSetDescription withText(String value) {
        return new RealSetDescription(value, preprocessing);
    }

    /** The same description with {@code value} as its preprocessing. */
    public RealSetDescription withPreprocessing(Preprocessing value) {
        return new RealSetDescription(text, Objects.requireNonNull(value, "preprocessing"));
    }
}
