package org.fld4j.cli.common;

/** The {@code fld} command's exit statuses, documented in docs/cli.md. */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** A bug or an environment failure; the message names the log file with the details. */
    INTERNAL(1),
    /** The command line itself is wrong: unknown option, missing argument, invalid value. */
    USAGE(2),
    /** An input cannot be used: unreadable or corrupt file under {@code --on-error fail}, shape mismatch, bad reference file. */
    INPUT(3),
    /** Fewer usable images than the computation needs. */
    TOO_FEW_IMAGES(4),
    /** Training produced non-finite losses and stopped. */
    TRAINING_DIVERGED(5),
    /**
     * The Java virtual machine ran out of memory (heap or ND4J's off-heap arrays) or of thread stack. Not a bug
     * and not bad input as such: the same command may succeed with more memory, so scripts can tell it from 1.
     */
    OUT_OF_RESOURCES(6);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    /** The process exit status. */
    public int status() {
        return status;
    }
}
