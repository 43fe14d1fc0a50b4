package org.fld4j.cli.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.fld4j.core.persist.FlowFileException;
import org.fld4j.core.train.NonFiniteLossException;
import org.fld4j.io.ImageInputException;
import org.fld4j.metrics.fld.TooFewImagesException;

/**
 * Turns what a command threw into an exit code and one line on stderr, {@link Error}s included (picocli
 * rethrows them). Only internal errors (exit 1) and running out of memory or stack (exit 6) get
 * a log file with the stack trace; {@code --verbose} prints it too.
 */
public final class Failures {

    private Failures() {
    }

    /** The exit code for a failure, looking through wrappers to the first cause that says what went wrong. */
    public static ExitCode classify(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            ExitCode kind = kindOf(t);
            if (kind != null) {
                return kind;
            }
        }
        return ExitCode.INTERNAL;
    }

    /** What one throwable, without its causes, says about the exit code; null when it says nothing. */
    private static ExitCode kindOf(Throwable t) {
        if (ResourceExhaustion.isExhaustion(t)) {
            return ExitCode.OUT_OF_RESOURCES;
        }
        if (t instanceof CliException cli) {
            return cli.exitCode();
        }
        if (t instanceof TooFewImagesException) {
            return ExitCode.TOO_FEW_IMAGES;
        }
        if (t instanceof NonFiniteLossException) {
            return ExitCode.TRAINING_DIVERGED;
        }
        if (t instanceof ImageInputException || t instanceof FlowFileException
                || t instanceof NoSuchFileException || t instanceof AccessDeniedException) {
            return ExitCode.INPUT;
        }
        // The libraries validate what they are given with IllegalArgumentException, naming the value (a
        // shape mismatch, a file that is not images): the input is wrong, not fld.
        if (t instanceof IllegalArgumentException) {
            return ExitCode.INPUT;
        }
        return null;
    }

    /** Reports the failure on stderr and returns the exit status. */
    public static int report(Throwable failure) {
        ExitCode code = classify(failure);
        if (code == ExitCode.OUT_OF_RESOURCES) {
            // a log as for internal errors: where it ran out tells whether a limit was missing
            String where = writeLog(failure);
            Cli.err().println("fld: " + ResourceExhaustion.describe(cause(failure, code))
                    + (where == null ? "" : " (details: " + where + ")"));
            if (Cli.verbose()) {
                failure.printStackTrace(Cli.err());
            }
            return code.status();
        }
        String message = oneLine(failure, code);
        if (code != ExitCode.INTERNAL) {
            Cli.err().println("fld: " + message);
            if (Cli.verbose()) {
                failure.printStackTrace(Cli.err());
            }
            return code.status();
        }
        String where = writeLog(failure);
        Cli.err().println("fld: internal error: " + message + (where == null ? "" : " (details: " + where + ")"));
        if (Cli.verbose()) {
            failure.printStackTrace(Cli.err());
        }
        return code.status();
    }

    /** The throwable that decided the exit code (it carries the precise message); {@code failure} if none. */
    private static Throwable cause(Throwable failure, ExitCode code) {
        int depth = 0;
        for (Throwable c = failure; c != null && depth < 32; c = c.getCause(), depth++) {
            if (kindOf(c) == code) {
                return c;
            }
        }
        return failure;
    }

    private static String oneLine(Throwable failure, ExitCode code) {
        Throwable t = cause(failure, code);
        if (code == ExitCode.INTERNAL && failure instanceof UncheckedIOException && failure.getCause() != null) {
            t = failure.getCause();
        }
        String text = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof ImageInputException input) {
            text = InputOptions.withOptionHint(input);
        } else if (t instanceof NoSuchFileException) {
            text = "no such file: " + text;
        } else if (t instanceof AccessDeniedException) {
            text = "permission denied: " + text;
        }
        return text.replace('\n', ' ').strip();
    }

    /** Writes the stack trace to a log under the cache folder; returns its path, or null if it cannot. */
    private static String writeLog(Throwable failure) {
        try {
            Path dir = Cli.cacheHome().resolve("logs");
            Files.createDirectories(dir);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
            Path log = dir.resolve("fld-" + stamp + ".log");
            StringWriter trace = new StringWriter();
            try (PrintWriter writer = new PrintWriter(trace)) {
                writer.println("fld " + Version.fld4j() + ", Java " + System.getProperty("java.version")
                        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
                failure.printStackTrace(writer);
            }
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return log.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
