package org.fld4j.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;

/**
 * Refuses an output folder that overlaps an input: equal to it, inside it, or holding it. Paths are compared as
 * real paths, with symbolic links resolved, so a link cannot smuggle the output into the input; for an output
 * folder that does not exist yet, its nearest existing ancestor is resolved.
 */
public final class SourceOverlap {

    private SourceOverlap() {
    }

    /** Exit 2 (usage) when {@code out} and the input at {@code source} overlap. */
    public static void refuse(Path source, Path out) {
        Path input = real(source);
        Path output = real(out);
        if (output.startsWith(input)) {
            throw new CliException(ExitCode.USAGE, "--out " + out + (output.equals(input) ? " is" : " lies inside")
                    + " the input " + source + " (" + input + "); write the output elsewhere, inputs are never"
                    + " written into");
        }
        if (input.startsWith(output)) {
            throw new CliException(ExitCode.USAGE, "the input " + source + " lies inside --out " + out + " ("
                    + output + "); write the output elsewhere, inputs are never written into");
        }
    }

    /** The real path of {@code path}, or of its nearest existing ancestor with the missing names appended. */
    public static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }
}
