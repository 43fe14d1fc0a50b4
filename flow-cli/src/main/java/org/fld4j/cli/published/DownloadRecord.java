package org.fld4j.cli.published;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A reference kept in the downloads folder, and what was recorded when it was stored.
 *
 * @param sha256  the hash it was stored under and verified against: 64 lower-case hex digits
 * @param file    the file, {@code <sha256>.fld}
 * @param source  where it came from (the pinned URL, or {@code builtin:NAME}); null when no record was kept
 * @param bytes   its size when stored, or -1 without a record
 * @param savedAt when it was stored; null without a record
 */
public record DownloadRecord(String sha256, Path file, String source, long bytes, Instant savedAt) {

    public DownloadRecord {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(file, "file");
    }
}
