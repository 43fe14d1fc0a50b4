package org.fld4j.io;

import java.util.Objects;

/**
 * One input left out under {@link BadInputPolicy#SKIP}, with the reason.
 *
 * @param input   the file or image identity, as named in the message
 * @param problem why it was left out
 * @param message the full message, as the exception under {@link BadInputPolicy#FAIL} would have said it
 */
public record SkippedImage(String input, InputProblem problem, String message) implements java.io.Serializable {

    /** Validates presence. */
    public SkippedImage {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
    }

    /** The record of skipping the input that {@code e} is about. */
    public static SkippedImage of(ImageInputException e) {
        return new SkippedImage(e.input(), e.problem(), e.getMessage());
    }

    @Override
    public String toString() {
        return problem + " " + message;
    }
}
