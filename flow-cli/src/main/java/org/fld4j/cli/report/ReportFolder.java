package org.fld4j.cli.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.io.array.AtomicFileWriter;

/**
 * The folder a report is written into. A marker file ({@value #MARKER}) lists what the report wrote, so that a
 * later report may replace it: a folder that is neither empty nor marked is refused unless {@code force} is given,
 * and even then only files of the report's own names are written, nothing else in it is touched. Every file goes
 * to a temporary file in the folder first and is then renamed over its target, so a reader never sees half a file;
 * names are plain file names, so nothing is written outside the folder.
 */
public final class ReportFolder {

    /** The marker a report leaves in its folder: its first line, then the names of the files it wrote. */
    public static final String MARKER = ".fld4j-report";

    private static final String MARKER_HEADER = "fld4j report; files written:";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path dir;
    private final Set<String> previous;
    private final Set<String> written = new LinkedHashSet<>();

    private ReportFolder(Path dir, Set<String> previous) {
        this.dir = dir;
        this.previous = previous;
    }

    /**
     * Opens {@code dir} for a report, creating it if needed.
     *
     * @throws CliException (usage) if it is a file, or holds files and no report marker while {@code force} is off
     */
    public static ReportFolder open(Path dir, boolean force) {
        Path folder = check(dir, force);
        try {
            Files.createDirectories(folder);
            Path marker = folder.resolve(MARKER);
            boolean ours = Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS);
            ReportFolder report = new ReportFolder(folder, ours ? readMarker(marker) : Set.of());
            // Marked from the start: a run that fails half-way leaves a folder the next run may write into.
            report.writeMarker(report.previous);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the report folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, without creating or writing anything, that {@link #open} would accept {@code dir}: a command calls it
     * before a long computation, so that a bad folder is named at once. Returns the folder, absolute.
     *
     * @throws CliException (usage) if it is a file, or holds files and no report marker while {@code force} is off
     */
    public static Path check(Path dir, boolean force) {
        Path folder = dir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CliException(ExitCode.USAGE, dir + " is a file, not a folder for the report");
        }
        try {
            boolean ours = Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
            if (Files.isDirectory(folder) && !ours && !isEmpty(folder) && !force) {
                throw new CliException(ExitCode.USAGE, dir + " is not empty and holds no fld report; name a new or"
                        + " empty folder, or add --force to write the report's files into it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report folder " + dir + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** The folder, absolute. */
    public Path dir() {
        return dir;
    }

    /** Writes a text file (UTF-8). */
    public Path writeText(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes an image as PNG. */
    public Path writePng(String name, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer for " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(name, bytes.toByteArray());
    }

    /**
     * Writes {@code content} to {@code name} in the folder: a temporary file first, then renamed over the target
     * ({@link AtomicFileWriter#writeFile}: the temporary file is a fresh name, not {@link Files#createTempFile},
     * which makes files only the owner may read; the report's files get the usual permissions of the user's umask).
     */
    public Path write(String name, byte[] content) {
        return write(name, temp -> Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Lets {@code writer} write the file {@code name} to a fresh temporary path in the folder, then renames it over
     * the target: for code that writes files itself (a library's {@code writeJson(Path)}).
     */
    public Path write(String name, FileWriter writer) {
        Path target = target(name);
        try {
            AtomicFileWriter.writeFile(target, true, writer::writeTo);
            written.add(name);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes one file to the path it is given. */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Records what this report wrote in the marker and deletes the files an earlier report of ours wrote that this
     * one did not (a figure it no longer has); call it once, after the last file.
     */
    public void finish() {
        try {
            for (String name : previous) {
                if (!written.contains(name)) {
                    Files.deleteIfExists(target(name));
                }
            }
            writeMarker(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the report in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path target(String name) {
        if (!PLAIN_NAME.matcher(name).matches() || name.equals(MARKER)) {
            throw new IllegalArgumentException("not a plain file name for a report: '" + name + "'");
        }
        Path target = dir.resolve(name).normalize();
        if (!dir.equals(target.getParent())) {
            throw new IllegalArgumentException("'" + name + "' is not a file directly in " + dir);
        }
        return target;
    }

    private void writeMarker(Set<String> names) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MARKER_HEADER);
        lines.addAll(names);
        AtomicFileWriter.writeFile(dir.resolve(MARKER), true, temp -> Files.write(temp, lines, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** The files a marker lists; lines that are not plain names (a hand-edited marker) are ignored. */
    private static Set<String> readMarker(Path marker) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (PLAIN_NAME.matcher(name).matches() && !name.equals(MARKER)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
