package org.fld4j.core.persist;

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

    private static java.util.List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
