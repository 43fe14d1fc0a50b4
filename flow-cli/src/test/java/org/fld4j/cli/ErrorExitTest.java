package org.fld4j.cli;

import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.ResourceExhaustion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * Java {@link Error}s thrown by a command go through picocli like any failure: one line on stderr that names what
 * ran out and the setting that bounds it, a log file, and exit 6 (out of resources) or 1 (any other Error).
 */
class ErrorExitTest {

    /** What the command under test throws; set by each test before it runs. */
    static volatile Supplier<Error> toThrow;

    @Command(name = "fld")
    static final class Throwing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw toThrow.get();
        }
    }

    @TempDir
    Path cache;

    private String before;

    @BeforeEach
    void logsIntoTheTempFolder() {
        before = System.getProperty("fld4j.cache.dir");
        System.setProperty("fld4j.cache.dir", cache.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("fld4j.cache.dir");
        } else {
            System.setProperty("fld4j.cache.dir", before);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Supplier<Error> error) {
        toThrow = error;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new Throwing(), new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<Path> logs() throws Exception {
        Path dir = cache.resolve("logs");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void heapExhaustionNamesXmxAndItsValueAndExitsSix() throws Exception {
        Run run = run(() -> new OutOfMemoryError("Java heap space"));
        assertThat(run.status()).isEqualTo(6).isEqualTo(ExitCode.OUT_OF_RESOURCES.status());
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("Java heap").contains("-Xmx")
                .contains(ResourceExhaustion.bytes(Runtime.getRuntime().maxMemory()))
                .contains("FLD_JAVA_OPTS").doesNotContain("\tat ");
        assertThat(logs()).hasSize(1);
        assertThat(run.err()).contains(logs().get(0).toString());
        assertThat(Files.readString(logs().get(0))).contains("OutOfMemoryError: Java heap space")
                .contains("ErrorExitTest");
    }

    @Test
    void offHeapExhaustionNamesTheJavaCppLimits() throws Exception {
        // JavaCPP's own wording when an allocation would pass org.bytedeco.javacpp.maxbytes
        Run run = run(() -> new OutOfMemoryError("Failed to allocate memory within limits: totalBytes (1 GiB + 4 GiB)"
                + " > maxBytes (2 GiB)"));
        assertThat(run.status()).isEqualTo(6);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("native memory").contains("maxbytes").contains("maxphysicalbytes")
                .contains("-Dorg.bytedeco.javacpp.maxbytes=").contains("within limits");
        assertThat(logs()).hasSize(1);
    }

    @Test
    void stackOverflowIsOneLineWithTheStackSetting() throws Exception {
        Run run = run(StackOverflowError::new);
        assertThat(run.status()).isEqualTo(6);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("thread stack").contains("-Xss").doesNotContain("\tat ");
        assertThat(logs()).hasSize(1);
    }

    @Test
    void anyOtherErrorIsAnInternalErrorWithALog() throws Exception {
        Run run = run(() -> new NoClassDefFoundError("org/example/Missing"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).startsWith("fld: internal error: org/example/Missing").contains("details: ");
        assertThat(logs()).hasSize(1);
    }

    @Test
    void anErrorWrappedInAnExceptionIsStillSeen() {
        Run run = run(() -> new ExceptionInInitializerError(new IllegalStateException("wrapped",
                new OutOfMemoryError("Java heap space"))));
        assertThat(run.status()).isEqualTo(6);
        assertThat(run.err()).contains("-Xmx");
    }

    @Test
    void bytesAreWrittenInBinaryUnits() {
        assertThat(ResourceExhaustion.bytes(512L << 20)).isEqualTo("512 MiB");
        assertThat(ResourceExhaustion.bytes(3L << 29)).isEqualTo("1.5 GiB");
        assertThat(ResourceExhaustion.bytes(100)).isEqualTo("100 bytes");
        assertThat(ResourceExhaustion.bytes(Long.MAX_VALUE)).isEqualTo("unlimited");
        assertThat(ResourceExhaustion.bytes(-1)).isEqualTo("unknown");
    }
}
