package org.fld4j.io.array;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the bytes go to a
 * temporary file in the same folder, which is then renamed over the target. A crash or an exception leaves the
 * target untouched and the temporary file removed. The npy/npz writers and the command line's output files and
 * report folders all write through it.
 */
public final class AtomicFileWriter {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to the path it is given, which does not exist yet. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /**
     * Writes {@code target} through a stream. The temporary file is made by {@link Files#createTempFile}, so the
     * target ends up readable by its owner only.
     *
     * @param overwrite whether an existing {@code target} may be replaced
     * @throws FileAlreadyExistsException if {@code target} exists and {@code overwrite} is false
     */
    public static void write(Path target, boolean overwrite, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        refuseExisting(absolute, overwrite);
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            moveOver(temp, absolute, overwrite);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes {@code target} by letting {@code content} write a fresh, not yet existing temporary path beside it
     * ({@code .name.<random>.tmp}): for code that writes files itself, such as a library's {@code writeJson(Path)}.
     * The file is created by {@code content}, so it gets the usual permissions of the user's umask. After a failure
     * the temporary file is removed if it can be; a failure to remove it does not hide the first one.
     *
     * @param overwrite whether an existing {@code target} may be replaced
     * @throws FileAlreadyExistsException if {@code target} exists and {@code overwrite} is false
     */
    public static void writeFile(Path target, boolean overwrite, FileContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        refuseExisting(absolute, overwrite);
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean moved = false;
        try {
            content.writeTo(temp);
            moveOver(temp, absolute, overwrite);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the failure that got here is the one to report
                }
            }
        }
    }

    private static void refuseExisting(Path absolute, boolean overwrite) throws FileAlreadyExistsException {
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null,
                    "refusing to overwrite an existing file; allow it explicitly with NpyWriteOptions.allowOverwrite()");
        }
    }

    private static void moveOver(Path temp, Path absolute, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(absolute)) {
            // Someone created the target while we were writing: still never replace it silently.
            throw new FileAlreadyExistsException(absolute.toString(), null,
                    "the file appeared while it was being written; not replaced");
        }
        try {
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
