package org.fld4j.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.fld4j.core.NativeThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code fld} command. Results go to stdout, progress and messages to stderr. */
@Command(name = "fld", mixinStandardHelpOptions = true, version = "fld4j 0.1.0-SNAPSHOT",
        description = "Normalizing-flow likelihoods and the FLD metrics.",
        subcommands = {Main.Demo.class})
public final class Main implements Callable<Integer> {

    @Option(names = {"-v", "--verbose"}, description = "Log progress details to stderr.", scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean on) {
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        org.fld4j.core.NativeBackend.preferOneDnn();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** {@code fld demo}: the built-in end-to-end check on a seeded Gaussian. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Train a dense flow on a built-in seeded Gaussian and print its held-out "
                    + "log-likelihood beside the exact value.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--dim", defaultValue = "10", description = "Dimension of the Gaussian (default ${DEFAULT-VALUE}).")
        int dimension;

        @Option(names = "--seed", defaultValue = "2024", description = "Seed of everything (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--samples", defaultValue = "20000", description = "Training samples (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--epochs", defaultValue = "25", description = "Epoch cap (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--time-budget", defaultValue = "60", description = "Training time cap in seconds (default ${DEFAULT-VALUE}).")
        long seconds;

        @Option(names = "--threads", defaultValue = "1",
                description = "Native threads; one is fastest for this small dense flow (default ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() {
            NativeThreads.set(threads);
            GaussianDemo.Options o = new GaussianDemo.Options(dimension, seed, samples, 10_000, epochs,
                    Duration.ofSeconds(seconds));
            GaussianDemo.Result r = GaussianDemo.run(o, System.err);
            System.out.print(GaussianDemo.report(o, r));
            return 0;
        }
    }
}
