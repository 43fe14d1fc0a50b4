package org.fld4j.core.internal.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesAndReplacesLeavingNothingElse(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, file -> Files.writeString(file, "first"));
        AtomicFiles.write(target, file -> Files.writeString(file, "second"));
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWas(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "kept");
        assertThatThrownBy(() -> AtomicFiles.write(target, file -> {
            Files.writeString(file, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("kept");
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void theFileGetsTheSamePermissionsAsAPlainWrite(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, file -> Files.writeString(file, "x"));
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void temporaryFilesNameTheTargetAndTheProcess(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        String[] seen = new String[1];
        AtomicFiles.write(target, file -> {
            seen[0] = file.getFileName().toString();
            Files.writeString(file, "x");
        });
        assertThat(seen[0]).matches("\\.out\\.txt\\." + ProcessHandle.current().pid() + "\\.[0-9a-f]+\\.tmp");
    }

    @Test
    void aSaveRemovesTheTemporaryFilesOfDeadProcessesOnly(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("ref.fld");
        // Linux pids stay below pid_max (at most 2^22), so no process has this one.
        long gone = 4_000_000_000L;
        assertThat(ProcessHandle.of(gone)).isEmpty();
        Path stale = Files.writeString(dir.resolve(".ref.fld." + gone + ".1f2e.tmp"), "left by a killed save");
        Path running = Files.writeString(dir.resolve(".ref.fld." + ProcessHandle.current().pid() + ".abc.tmp"), "busy");
        Path otherTarget = Files.writeString(dir.resolve(".other.fld." + gone + ".1f2e.tmp"), "another file's");
        Path unrelated = Files.writeString(dir.resolve(".ref.fld.notes.tmp"), "not a temporary file of ours");
        AtomicFiles.write(target, file -> Files.writeString(file, "saved"));
        assertThat(stale).doesNotExist();
        assertThat(running).exists();
        assertThat(otherTarget).exists();
        assertThat(unrelated).exists();
        assertThat(Files.readString(target)).isEqualTo("saved");
    }

    @Test
    void aFolderSweepRemovesTheTemporaryFilesOfDeadProcessesOfEveryTarget(@TempDir Path dir) throws IOException {
        long gone = 4_000_000_000L;
        Path stale = Files.writeString(dir.resolve(".ref.fld." + gone + ".1f2e.tmp"), "left by a killed save");
        Path otherStale = Files.writeString(dir.resolve(".other.fld." + gone + ".9.tmp"), "another file's");
        Path running = Files.writeString(dir.resolve(".ref.fld." + ProcessHandle.current().pid() + ".abc.tmp"), "busy");
        Path unrelated = Files.writeString(dir.resolve(".ref.fld.notes.tmp"), "not a temporary file of ours");
        Path reference = Files.writeString(dir.resolve("ref.fld"), "kept");
        assertThat(AtomicFiles.removeStaleTemporaryFilesIn(dir)).isEqualTo(2);
        assertThat(stale).doesNotExist();
        assertThat(otherStale).doesNotExist();
        assertThat(running).exists();
        assertThat(unrelated).exists();
        assertThat(reference).exists();
        assertThat(AtomicFiles.isTemporaryFileName(running.getFileName().toString())).isTrue();
        assertThat(AtomicFiles.isTemporaryFileName("ref.fld")).isFalse();
    }

    @Test
    void aJvmThatExitsMidSaveLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ExitDuringSave.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor()).isZero();
        assertThat(printed).startsWith(".out.txt.").endsWith(".tmp");
        assertThat(list(dir)).isEmpty();
    }

    private static java.util.List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
