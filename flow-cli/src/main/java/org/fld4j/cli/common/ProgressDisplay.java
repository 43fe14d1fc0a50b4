package org.fld4j.cli.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How progress reaches stderr: redrawn bars on a terminal, plain lines at a slow rate otherwise (a log file or a
 * pipe would otherwise collect every redraw, carriage returns and all). {@code FLD_PROGRESS=bars|lines} overrides
 * the detection.
 */
public enum ProgressDisplay {
    /** Bars redrawn in place with carriage returns. */
    BARS,
    /** Whole lines, one now and then ({@link RateLimitedLines}). */
    LINES;

    /** The environment variable that overrides the detection. */
    public static final String VARIABLE = "FLD_PROGRESS";

    /** The display for this process: the variable if set, else bars only when stderr is a terminal. */
    public static ProgressDisplay detect() {
        return choose(System.getenv(), Path.of("/proc/self/fd/2"));
    }

    /**
     * The display for {@code environment} and the standard-error link {@code stderrLink} (Linux's
     * {@code /proc/self/fd/2}): a terminal is a link into {@code /dev/pts} or to a {@code /dev/tty} device. Where the
     * link cannot be read, a JVM without a console counts as no terminal.
     */
    static ProgressDisplay choose(Map<String, String> environment, Path stderrLink) {
        String forced = environment.get(VARIABLE);
        if (forced != null && !forced.isBlank()) {
            return switch (forced.trim().toLowerCase(Locale.ROOT)) {
                case "bars" -> BARS;
                case "lines" -> LINES;
                default -> throw new IllegalArgumentException(VARIABLE + " must be 'bars' or 'lines', got '" + forced
                        + "'");
            };
        }
        if ("dumb".equals(environment.get("TERM"))) {
            return LINES;
        }
        try {
            String target = Files.readSymbolicLink(stderrLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") ? BARS : LINES;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null ? BARS : LINES;
        }
    }
}
