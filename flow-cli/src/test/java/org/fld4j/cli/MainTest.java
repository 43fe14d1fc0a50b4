package org.fld4j.cli;

import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.Failures;
import org.fld4j.cli.common.Version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fld4j.core.train.NonFiniteLossException;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;
import org.fld4j.metrics.fld.TooFewImagesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command: usage errors, version, and how failures become exit codes and messages. */
class MainTest {

    /** stdout, stderr and the status of one in-process run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        Run unknown = run("no-such-command");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("no-such-command").contains("--help");

        Run bare = run();
        assertThat(bare.status()).isEqualTo(2);
        assertThat(bare.out()).isEmpty();
        assertThat(bare.err()).contains("Usage: fld");
    }

    @Test
    void versionNamesFld4jAndJava() {
        Run version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("fld4j " + Version.fld4j()).contains("Java ");
        assertThat(Version.fld4j()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void failuresMapToTheDocumentedExitCodes() {
        assertThat(Failures.classify(new CliException(ExitCode.TOO_FEW_IMAGES, "x"))).isEqualTo(ExitCode.TOO_FEW_IMAGES);
        assertThat(Failures.classify(new TooFewImagesException("few", 3, 10))).isEqualTo(ExitCode.TOO_FEW_IMAGES);
        assertThat(Failures.classify(new NonFiniteLossException(7, 1, 10, Double.NaN))).isEqualTo(ExitCode.TRAINING_DIVERGED);
        assertThat(Failures.classify(new ImageInputException("a.png", InputProblem.UNKNOWN_FORMAT, "not an image"))).isEqualTo(ExitCode.INPUT);
        assertThat(Failures.classify(new NoSuchFileException("a.fld"))).isEqualTo(ExitCode.INPUT);
        assertThat(Failures.classify(new AccessDeniedException("a.fld"))).isEqualTo(ExitCode.INPUT);
        assertThat(Failures.classify(new IllegalArgumentException("shape [1, 28, 28] vs [3, 32, 32]")))
                .isEqualTo(ExitCode.INPUT);
        assertThat(Failures.classify(new IllegalStateException("bug"))).isEqualTo(ExitCode.INTERNAL);
        // a wrapper does not hide what went wrong underneath
        assertThat(Failures.classify(new RuntimeException("worker failed", new TooFewImagesException("few", 0, 1))))
                .isEqualTo(ExitCode.TOO_FEW_IMAGES);
    }

    @Test
    void anInternalErrorPrintsOneLineAndWritesTheTraceToALog(@TempDir Path cache) throws Exception {
        String before = System.getProperty("fld4j.cache.dir");
        System.setProperty("fld4j.cache.dir", cache.toString());
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Cli.set(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), false, false, List.of("fld"));
            int status = Failures.report(new IllegalStateException("the widget broke"));
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(status).isEqualTo(1);
            assertThat(text.lines().count()).isEqualTo(1);
            assertThat(text).contains("internal error: the widget broke").doesNotContain("at org.");
            try (Stream<Path> logs = Files.list(cache.resolve("logs"))) {
                Path log = logs.findFirst().orElseThrow();
                assertThat(text).contains(log.toString());
                assertThat(Files.readString(log)).contains("IllegalStateException: the widget broke")
                        .contains("at org.fld4j.cli.MainTest");
            }

            ByteArrayOutputStream input = new ByteArrayOutputStream();
            Cli.set(System.out, new PrintStream(input, true, StandardCharsets.UTF_8), false, false, List.of("fld"));
            int inputStatus = Failures.report(new RuntimeException(new ImageInputException("/d/broken.png", InputProblem.TRUNCATED, "truncated")));
            assertThat(inputStatus).isEqualTo(3);
            assertThat(input.toString(StandardCharsets.UTF_8)).isEqualTo("fld: /d/broken.png: truncated"
                    + System.lineSeparator());
        } finally {
            if (before == null) {
                System.clearProperty("fld4j.cache.dir");
            } else {
                System.setProperty("fld4j.cache.dir", before);
            }
        }
    }
}
