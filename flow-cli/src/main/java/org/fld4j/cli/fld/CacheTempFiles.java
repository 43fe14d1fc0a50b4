package org.fld4j.cli.fld;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of the reference cache: a reference is saved as {@code KEY.fld.PID.partial} (and the saving
 * code puts its own temporaries, hidden {@code .NAME-RANDOM.tmp} files, beside it), then renamed to
 * {@code KEY.fld}. A run killed while saving leaves them behind; the next run removes those that are stale.
 */
final class CacheTempFiles {

    /**
     * Temporaries with no living owner are removed after this long: a day is far longer than any save takes (a
     * reference is a few MB), and short enough that a cache does not keep dead copies for long.
     */
    static final Duration MAX_AGE = Duration.ofDays(1);

    private static final String PARTIAL = ".partial";
    private static final Pattern OWNER = Pattern.compile("\\.(\\d{1,10})\\.partial");

    private CacheTempFiles() {
    }

    /** Where this process saves {@code file} before renaming it. */
    static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + PARTIAL);
    }

    /** Whether {@code name} is a cache temporary (this class's partial file or a hidden {@code .tmp}). */
    static boolean isTemporary(String name) {
        return name.contains(PARTIAL) || (name.startsWith(".") && name.endsWith(".tmp"));
    }

    /** The id of the process that owns a partial file, from its name. */
    static OptionalLong owner(String name) {
        Matcher m = OWNER.matcher(name);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * Whether a temporary is stale: its owner (named in it) is no longer running, or it is older than
     * {@link #MAX_AGE}. A live owner's file is left alone however old (it may be a slow save), except that an id
     * may have been reused by another process, so age still decides when the owner is unknown.
     */
    static boolean isStale(String name, Instant modified, Instant now) {
        if (!isTemporary(name)) {
            return false;
        }
        OptionalLong owner = owner(name);
        if (owner.isPresent()) {
            if (owner.getAsLong() == ProcessHandle.current().pid()) {
                return false;
            }
            if (ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                return false;
            }
            return true;
        }
        return Duration.between(modified, now).compareTo(MAX_AGE) > 0;
    }

    /** Removes the stale temporaries of {@code folder}; what cannot be listed or removed is left, silently. */
    static int clean(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        Instant now = Instant.now();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && isStale(file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant(), now)) {
                        Files.deleteIfExists(file);
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
