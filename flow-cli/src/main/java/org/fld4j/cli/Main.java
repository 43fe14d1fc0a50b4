package org.fld4j.cli;

import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.Failures;
import org.fld4j.cli.common.Version;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.fld4j.cli.distort.DistortCommand;
import org.fld4j.cli.experiment.ExperimentCommand;
import org.fld4j.cli.preflight.PreflightCommand;
import org.fld4j.cli.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code fld} command. Results go to stdout, progress and messages to stderr; exit codes are those of
 * {@link ExitCode}. {@link #run} runs one command line in-process (tests use it); {@link #main} is the process.
 */
@Command(name = "fld", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Normalizing-flow likelihoods and the FLD metrics.",
        subcommands = {DemoCommand.class, org.fld4j.cli.fld.ScoreCommand.class, org.fld4j.cli.fld.TrainCommand.class,
                org.fld4j.cli.fld.InfoCommand.class, org.fld4j.cli.fld.ReferencesCommand.class,
                org.fld4j.cli.fld.EfficiencyCommand.class,
                org.fld4j.cli.fld.ReportCommand.class, PreflightCommand.class, DistortCommand.class, ExperimentCommand.class,
                VerifyCommand.class, org.fld4j.cli.fld.ImportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  fld demo", "  fld score real/ generated/", "  fld COMMAND --help"})
public final class Main implements Callable<Integer> {

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Log details to stderr; print the stack trace of an internal error.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "No progress bars or messages on stderr, only errors.")
    boolean quiet;

    @Override
    public Integer call() {
        CommandLine.usage(this, Cli.err());
        return ExitCode.USAGE.status();
    }

    /** Runs one command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(new Main(), args, out, err);
    }

    /**
     * Runs one command line against {@code root}, a picocli command; tests give their own root to reach paths
     * that real commands reach only with hostile input.
     */
    static int run(Object root, String[] args, PrintStream out, PrintStream err) {
        List<String> all = Arrays.asList(args);
        boolean verbose = all.contains("-v") || all.contains("--verbose");
        boolean quiet = !verbose && (all.contains("-q") || all.contains("--quiet"));
        // slf4j-simple reads its level once, when the first logger is made: set it before anything logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : quiet ? "error" : "warn");
        List<String> line = new ArrayList<>();
        line.add("fld");
        line.addAll(all);
        Cli.set(out, err, verbose, quiet, line);
        CommandLine cli = new CommandLine(root)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, arguments) -> {
                    err.println("fld: " + ex.getMessage());
                    err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
                    return ExitCode.USAGE.status();
                })
                .setExecutionExceptionHandler((ex, commandLine, parseResult) -> Failures.report(ex));
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler above and rethrows Errors: out-of-memory and
            // stack overflow get the same one-line message, log file and exit code as any other failure.
            return Failures.report(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
