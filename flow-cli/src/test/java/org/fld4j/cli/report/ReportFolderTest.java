package org.fld4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aForeignFolderIsRefusedAndLeftAloneUnlessForced() throws IOException {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> ReportFolder.open(dir, false)).isInstanceOf(CliException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("--force")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> ReportFolder.check(dir, false)).isInstanceOf(CliException.class);
        assertThat(names(dir)).containsExactly("notes.txt");

        ReportFolder forced = ReportFolder.open(dir, true);
        forced.writeText("index.html", "<p>report</p>");
        forced.finish();
        assertThat(names(dir)).containsExactly(ReportFolder.MARKER, "index.html", "notes.txt");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(tmp.resolve("report"), "x");
        assertThatThrownBy(() -> ReportFolder.open(file, true)).isInstanceOf(CliException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void anEarlierReportIsReplacedAndItsFilesThatAreNoLongerWrittenGo() throws IOException {
        Path dir = tmp.resolve("report");
        ReportFolder first = ReportFolder.open(dir, false);
        first.writeText("a.png", "first a");
        first.writeText("b.png", "first b");
        first.finish();
        Files.writeString(dir.resolve("user.txt"), "added by hand");

        ReportFolder second = ReportFolder.open(dir, false);
        second.writeText("a.png", "second a");
        second.finish();
        assertThat(names(dir)).containsExactly(ReportFolder.MARKER, "a.png", "user.txt");
        assertThat(Files.readString(dir.resolve("a.png"))).isEqualTo("second a");
        assertThat(Files.readAllLines(dir.resolve(ReportFolder.MARKER), StandardCharsets.UTF_8)).endsWith("a.png");
    }

    @Test
    void namesThatLeaveTheFolderOrHideInItAreRefused() {
        ReportFolder folder = ReportFolder.open(tmp.resolve("r"), false);
        for (String bad : new String[] {"../escape.png", "sub/a.png", ".hidden", "/etc/x", "", ReportFolder.MARKER}) {
            assertThatThrownBy(() -> folder.writeText(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.exists(tmp.resolve("escape.png"))).isFalse();
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path dir = tmp.resolve("r");
        ReportFolder folder = ReportFolder.open(dir, false);
        folder.writeText("result.json", "{\"old\": true}");
        assertThatThrownBy(() -> folder.write("result.json", path -> {
            Files.writeString(path, "{\"half");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(Files.readString(dir.resolve("result.json"))).isEqualTo("{\"old\": true}");
        assertThat(names(dir)).containsExactly(ReportFolder.MARKER, "result.json");
    }
}
