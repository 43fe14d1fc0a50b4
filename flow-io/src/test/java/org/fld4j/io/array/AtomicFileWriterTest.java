package org.fld4j.io.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeFileHandsOverAFreshPathAndRenamesIt() throws IOException {
        Path target = dir.resolve("a.json");
        AtomicFileWriter.writeFile(target, false, temp -> {
            assertThat(temp.getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(temp.getFileName().toString()).startsWith(".a.json.").endsWith(".tmp");
            assertThat(Files.exists(temp)).isFalse();
            Files.writeString(temp, "one", StandardCharsets.UTF_8);
        });
        AtomicFileWriter.writeFile(target, true, temp -> Files.writeString(temp, "two", StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("two");
        assertThat(names()).containsExactly("a.json");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("a.json"), "old");
        assertThatThrownBy(() -> AtomicFileWriter.writeFile(target, true, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFileWriter.write(target, true, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("a.json");
    }

    @Test
    void anExistingFileIsKeptUnlessOverwriteIsAllowed() throws IOException {
        Path target = Files.writeString(dir.resolve("a.json"), "old");
        assertThatThrownBy(() -> AtomicFileWriter.writeFile(target, false, temp -> Files.writeString(temp, "new")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("a.json");
    }
}
