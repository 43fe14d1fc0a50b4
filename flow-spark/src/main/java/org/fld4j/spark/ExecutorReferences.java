package org.fld4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.fld4j.metrics.fld.FldReference;

/**
 * The reference flows as the tasks of one executor JVM see them: loaded from the broadcast bytes when first needed
 * and kept for every later task, not loaded per task. A flow serialises calls on itself, so two tasks running at
 * once in one executor each borrow their own copy: an executor holds at most as many copies as it runs tasks at
 * once (its task slots), each loaded once.
 */
final class ExecutorReferences {

    private static final Map<String, Queue<FldReference>> IDLE = new ConcurrentHashMap<>();

    private ExecutorReferences() {
    }

    /** A reference nobody else is using, loaded from {@code bytes} (a saved reference) unless an idle one exists. */
    static FldReference borrow(String identity, byte[] bytes) {
        FldReference idle = IDLE.computeIfAbsent(identity, k -> new ConcurrentLinkedQueue<>()).poll();
        return idle != null ? idle : load(bytes);
    }

    /** Gives a borrowed reference back for the next task. */
    static void giveBack(String identity, FldReference reference) {
        IDLE.computeIfAbsent(identity, k -> new ConcurrentLinkedQueue<>()).add(reference);
    }

    /** How many idle copies of the reference this JVM holds (for tests). */
    static int idleCopies(String identity) {
        Queue<FldReference> queue = IDLE.get(identity);
        return queue == null ? 0 : queue.size();
    }

    static FldReference load(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("fld4j-reference", ".fld4j");
            Files.write(file, bytes);
            return FldReference.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the broadcast FLD reference cannot be read: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind costs only disk; the score is not affected.
                }
            }
        }
    }

    /** A reference as the bytes of its saved file, to broadcast. */
    static byte[] bytesOf(FldReference reference) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fld4j-reference");
            Path file = dir.resolve("reference.fld4j");
            reference.save(file);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the FLD reference cannot be serialised: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // See above.
                }
            }
        }
    }
}
