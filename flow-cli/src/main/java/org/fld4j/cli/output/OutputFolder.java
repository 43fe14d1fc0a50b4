package org.fld4j.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;

/**
 * The folder a command writes its results into ({@code --out}): created when missing, refused when it already
 * holds something unless the user said {@code --force}, so earlier results are never mixed with new ones by
 * accident. With {@code --force}, files of the same names are replaced and other files are left alone.
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Creates {@code folder} if needed and returns it; exit 2 (usage) when it is a file, or holds anything and
     * {@code force} is false.
     */
    public static Path prepare(Path folder, boolean force) {
        try {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw new CliException(ExitCode.USAGE, "--out " + folder + " is a file, not a folder");
                }
                if (!force && !isEmpty(folder)) {
                    throw new CliException(ExitCode.USAGE, "--out " + folder + " is not empty; choose an empty or new"
                            + " folder, or add --force to write into it (files of the same names are replaced)");
                }
            }
            Files.createDirectories(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder, e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
