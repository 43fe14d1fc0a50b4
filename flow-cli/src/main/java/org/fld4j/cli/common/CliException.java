package org.fld4j.cli.common;

import java.util.Objects;

/** A failure the command explains in one line and ends with a chosen exit code. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** How the process ends. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
