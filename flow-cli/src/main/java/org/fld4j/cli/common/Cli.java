package org.fld4j.cli.common;


import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The streams and verbosity of the running {@code fld} invocation. Commands print results to {@link #out()}
 * only; everything meant for a person (progress, warnings, summaries of what was skipped) goes to
 * {@link #err()}. {@code org.fld4j.cli.Main.run} sets it for each invocation, so tests can run commands in-process.
 */
public final class Cli {

    private static volatile Cli current = new Cli(System.out, System.err, false, false, List.of("fld"));

    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;
    private final boolean quiet;
    private final List<String> arguments;

    private Cli(PrintStream out, PrintStream err, boolean verbose, boolean quiet, List<String> arguments) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.verbose = verbose;
        this.quiet = quiet;
        this.arguments = List.copyOf(arguments);
    }

    public static void set(PrintStream out, PrintStream err, boolean verbose, boolean quiet, List<String> arguments) {
        current = new Cli(out, err, verbose, quiet, arguments);
    }

    /** The command line as given, {@code fld} first: recorded in every result's provenance. */
    public static List<String> commandLine() {
        return current.arguments;
    }

    /** Where results go. */
    public static PrintStream out() {
        return current.out;
    }

    /** Where progress and messages go. */
    public static PrintStream err() {
        return current.err;
    }

    /** {@code -v}: log details, print stack traces of internal errors. */
    public static boolean verbose() {
        return current.verbose;
    }

    /** {@code -q}: no progress bars, no messages but errors. */
    public static boolean quiet() {
        return current.quiet;
    }

    /** Prints a human message on stderr unless {@code --quiet}. */
    public static void message(String text) {
        if (!current.quiet) {
            current.err.println(text);
        }
    }

    /**
     * fld4j's own folder under the user's cache folder (the system property {@code fld4j.cache.dir}, else
     * {@code $FLD4J_CACHE_DIR}, else {@code $XDG_CACHE_HOME/fld4j}, else {@code ~/.cache/fld4j}): cached
     * reference flows and error logs.
     */
    public static Path cacheHome() {
        String property = System.getProperty("fld4j.cache.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String explicit = System.getenv("FLD4J_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fld4j");
    }
}
