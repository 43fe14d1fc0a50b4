package org.fld4j.io.array;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers only ever see the old content or the complete new content: the bytes go to a
 * temporary file in the same folder, which is then renamed over the target. A crash or an exception leaves the
 * target untouched and the temporary file removed.
 */
final class AtomicFileWriter {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /**
     * Writes {@code target}.
     *
     * @param overwrite whether an existing {@code target} may be replaced
     * @throws FileAlreadyExistsException if {@code target} exists and {@code overwrite} is false
     */
    static void write(Path target, boolean overwrite, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null,
                    "refusing to overwrite an existing file; allow it explicitly with NpyWriteOptions.allowOverwrite()");
        }
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
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
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
