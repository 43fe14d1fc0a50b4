package org.fld4j.cli.fld;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fld4j.io.array.AtomicFileWriter;

/**
 * Files a command writes: never over or into one of its inputs, never over an existing file unless asked, and
 * always whole (written beside the target and renamed over it).
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Refuses (exit 2) to write {@code target}, named by {@code option}, when it exists and {@code force} is off, or
     * when it is one of the inputs or lies inside an input folder.
     */
    static void checkTarget(Path target, String option, boolean force, List<String> inputs) {
        Path out = canonical(target);
        for (String spec : inputs) {
            Path input = canonical(inputPath(spec));
            if (out.equals(input)) {
                throw Usage.error(option + " " + target + " is the input " + spec + "; write the result elsewhere");
            }
            if (Files.isDirectory(input) && out.startsWith(input)) {
                throw Usage.error(option + " " + target + " lies inside the input folder " + spec
                        + "; write the result elsewhere");
            }
        }
        if (Files.isDirectory(target)) {
            throw Usage.error(option + " " + target + " is a folder; name a file");
        }
        if (!force && Files.exists(target)) {
            throw Usage.error(option + " " + target + " exists; add --force to replace it");
        }
    }

    /**
     * Refuses (exit 2) an output folder {@code target}, named by {@code option}, that is an input, lies inside an
     * input folder, or holds an input: whatever is written there must never mix with, or replace, what was read.
     */
    static void checkNotInput(Path target, String option, List<String> inputs) {
        Path out = canonical(target);
        for (String spec : inputs) {
            Path input = canonical(inputPath(spec));
            if (out.equals(input) || out.startsWith(input) || input.startsWith(out)) {
                throw Usage.error(option + " " + target + " overlaps the input " + spec
                        + "; write the output into a folder of its own");
            }
        }
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target} atomically ({@link AtomicFileWriter}): readers see the old file
     * or all of the new one. Text that is not valid UTF-16 (a lone surrogate) is refused with a
     * {@link java.nio.charset.CharacterCodingException}, as {@link Files#writeString} refuses it.
     */
    static void writeAtomically(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
        AtomicFileWriter.write(absolute, true,
                out -> out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining()));
    }

    /** The file an image argument names: {@code data.npz:entry} is the file {@code data.npz}. */
    private static Path inputPath(String spec) {
        Path path = Path.of(spec);
        int colon = spec.lastIndexOf(':');
        if (!Files.exists(path) && colon > 0 && spec.substring(0, colon).toLowerCase(Locale.ROOT).endsWith(".npz")) {
            return Path.of(spec.substring(0, colon));
        }
        return path;
    }

    /** The path with links resolved as far as it exists, so that two names of one file compare equal. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            if (parent != null && Files.exists(parent)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            // an unreadable path compares by its normalized name
        }
        return absolute;
    }
}
