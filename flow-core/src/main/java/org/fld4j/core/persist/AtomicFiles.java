package org.fld4j.core.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file beside the target,
 * is forced to disk, and is renamed over the target. A failure leaves the target as it was and removes the
 * temporary file.
 */
public final class AtomicFiles {

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code content}, atomically where the file system can rename atomically. */
    public static void write(Path target, Content content) throws IOException {
        // A fresh name beside the target, created by the content's own write, so that the file gets the usual
        // permissions (a temporary file made by Files.createTempFile is readable by its owner only).
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, file -> Files.write(file, bytes));
    }
}
