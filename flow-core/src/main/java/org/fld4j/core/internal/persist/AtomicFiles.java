package org.fld4j.core.internal.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file beside the target,
 * is forced to disk, and is renamed over the target (then the folder is forced too, where the system allows, so the
 * rename survives a crash). A failure leaves the target as it was and removes the temporary file.
 *
 * <p>Temporary files are named {@code .NAME.PID.RANDOM.tmp}: recognisable as this target's, and owned by the
 * process {@code PID}. A process killed mid-save cannot remove its own; the next save of the same target removes
 * those whose process is gone. Temporary files still in progress when the JVM exits (e.g. on SIGTERM) are removed
 * by a shutdown hook. The file gets the usual permissions of a new file (0644 under umask 022), unlike one made by
 * {@link Files#createTempFile}, which only its owner may read.
 */
public final class AtomicFiles {

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private static final Pattern TEMP_NAME = Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-f]+\\.tmp");
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private AtomicFiles() {
    }

    /** Writes {@code target} through {@code content}, atomically where the file system can rename atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        removeStaleTemporaryFiles(absolute);
        Path temp = temporaryFile(absolute, ProcessHandle.current().pid());
        installShutdownHook();
        IN_PROGRESS.add(temp);
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(absolute.getParent());
        } finally {
            Files.deleteIfExists(temp);
            IN_PROGRESS.remove(temp);
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, file -> Files.write(file, bytes));
    }

    /** The temporary file name of a save of {@code target} by process {@code pid}: {@code .NAME.PID.RANDOM.tmp}. */
    static Path temporaryFile(Path target, long pid) {
        return target.resolveSibling("." + target.getFileName() + "." + pid + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    }

    /**
     * Removes the temporary files that saves of {@code target} left behind when their process died: siblings named
     * {@code .NAME.PID.RANDOM.tmp} whose process {@code PID} no longer runs. Files of running processes (a save in
     * progress elsewhere) and every other file are left alone; failures to remove are ignored (the next save tries
     * again).
     */
    static void removeStaleTemporaryFiles(Path target) {
        Path folder = target.getParent();
        if (folder != null) {
            removeStale(folder, "." + globEscape(target.getFileName().toString()) + ".*.tmp",
                    target.getFileName().toString());
        }
    }

    /**
     * Removes every temporary file in {@code folder} that a save killed with its process left behind, whatever its
     * target (a cache folder cleans itself this way when a program starts). Returns how many were removed.
     */
    public static int removeStaleTemporaryFilesIn(Path folder) {
        return removeStale(folder, ".*.tmp", null);
    }

    /** Whether {@code fileName} is the name of a temporary file that this class makes. */
    public static boolean isTemporaryFileName(String fileName) {
        Matcher m = TEMP_NAME.matcher(fileName);
        return m.matches() && m.group(2).length() <= 18;
    }

    private static int removeStale(Path folder, String glob, String targetName) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder, glob)) {
            for (Path sibling : siblings) {
                Matcher m = TEMP_NAME.matcher(sibling.getFileName().toString());
                if (!m.matches() || m.group(2).length() > 18 || (targetName != null && !m.group(1).equals(targetName))) {
                    continue;
                }
                long pid = Long.parseLong(m.group(2));
                if (ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(sibling, LinkOption.NOFOLLOW_LINKS)
                        && Files.deleteIfExists(sibling)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning is a courtesy: a folder that cannot be listed does not stop the save.
        }
        return removed;
    }

    private static String globEscape(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (AtomicFiles.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Path temp : IN_PROGRESS) {
                        try {
                            Files.deleteIfExists(temp);
                        } catch (IOException e) {
                            // exiting: nothing more to do
                        }
                    }
                }, "fld4j-temporary-files"));
                hookInstalled = true;
            }
        }
    }

    /** Forces a folder's entries (the rename) to disk; not every system can open a folder, which is fine. */
    private static void forceFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; its rename is durable enough.
        }
    }
}
