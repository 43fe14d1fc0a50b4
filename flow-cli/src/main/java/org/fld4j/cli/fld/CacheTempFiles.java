package org.fld4j.cli.fld;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.fld4j.core.internal.persist.AtomicFiles;

/**
 * The temporary files of the reference cache. References are saved atomically ({@link AtomicFiles}): a run killed
 * while saving leaves a hidden {@code .KEY.fld.PID.RANDOM.tmp} behind, which is removed on the next start once its
 * process is gone. Hidden {@code .tmp} files that name no process (as older fld4j versions wrote them) are removed
 * when they are older than {@link #MAX_AGE}.
 */
final class CacheTempFiles {

    /**
     * Temporaries that name no owner are removed after this long: a day is far longer than any save takes (a
     * reference is a few MB), and short enough that a cache does not keep dead copies for long.
     */
    static final Duration MAX_AGE = Duration.ofDays(1);

    private CacheTempFiles() {
    }

    /** Whether a temporary that names no owning process is stale: hidden, {@code .tmp}, and older than a day. */
    static boolean isStaleUnowned(String name, Instant modified, Instant now) {
        return name.startsWith(".") && name.endsWith(".tmp") && !AtomicFiles.isTemporaryFileName(name)
                && Duration.between(modified, now).compareTo(MAX_AGE) > 0;
    }

    /** Removes the stale temporaries of {@code folder}; what cannot be listed or removed is left, silently. */
    static int clean(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = AtomicFiles.removeStaleTemporaryFilesIn(folder);
        Instant now = Instant.now();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && isStaleUnowned(
                            file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant(), now)
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // another run may have removed or renamed it meanwhile
                }
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }
}
