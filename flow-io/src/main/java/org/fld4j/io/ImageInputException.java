package org.fld4j.io;

import java.util.Objects;

/**
 * An input could not be used. The message always names the file (or the image inside a container) and says what is
 * wrong with it; {@link #problem()} gives the same reason in a form programs can branch on.
 *
 * <p>Unchecked, because it surfaces from inside iterators and streams, where checked exceptions cannot travel.
 */
public class ImageInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final InputProblem problem;
    private final String detail;

    /**
     * @param input   the file or image identity the problem is about, as it should appear to the user
     * @param problem the kind of problem
     * @param detail  what exactly is wrong; becomes the message after the input's name
     */
    public ImageInputException(String input, InputProblem problem, String detail) {
        this(input, problem, detail, null);
    }

    /** As {@link #ImageInputException(String, InputProblem, String)}, keeping the low-level cause. */
    public ImageInputException(String input, InputProblem problem, String detail, Throwable cause) {
        super(input + ": " + detail, cause);
        this.input = Objects.requireNonNull(input, "input");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** What is wrong, without the input's name: the message is {@code input + ": " + detail}. */
    public String detail() {
        return detail;
    }

    /** The file or image identity that the problem is about. */
    public String input() {
        return input;
    }

    /** The kind of problem. */
    public InputProblem problem() {
        return problem;
    }
}
