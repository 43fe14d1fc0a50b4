package org.fld4j.metrics.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;


/**
 * What reading a hostile reference file must do: return normally, or throw an {@link IOException} (for a file that
 * is not a valid reference) whose message names the file; never an {@link Error} or any other exception; keep the heap within a fixed budget; and
 * write nothing, neither beside the input nor in the temporary folder.
 *
 * <p>The suites that use it run in their own JVM with a 512 MB heap and capped native memory (the {@code fuzz}
 * execution of the build), so that a reader that allocates what a header declares fails with an Error here.
 */
final class ReadContract {

    /** Live heap a single read may keep after it returns (a garbage collection runs first). */
    static final long HEAP_BUDGET_BYTES = 64L << 20;

    /** Something that reads an input. */
    @FunctionalInterface
    interface Read {
        void run() throws Exception;
    }

    /**
     * The temporary folder the fuzz execution gives its JVM ({@code target/fuzz-tmp}); it must exist before
     * anything writes there. When a suite runs elsewhere (a single test from an IDE), the shared temporary folder
     * is not compared, since other programs write there too.
     */
    private static final Path OWN_TEMP = ownTemp();

    private ReadContract() {
    }

    private static Path ownTemp() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!temp.getFileName().toString().equals("fuzz-tmp")) {
            return null;
        }
        try {
            return Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code read} on {@code input} (a file, or a folder whose entries may be named instead) and checks the
     * contract. Returns the exception it threw, or null when it read the input normally.
     */
    static IOException holds(Path input, Read read) {
        Path folder = Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS) ? input : input.getParent();
        Path temp = OWN_TEMP;
        Map<String, String> folderBefore = snapshot(folder);
        Map<String, String> tempBefore = snapshot(temp);
        long heapBefore = usedHeapAfterGc();
        IOException refused = null;
        try {
            read.run();
        } catch (IOException e) {
            refused = e;
            assertThat(e.getMessage()).as("the refusal names the input").satisfiesAnyOf(
                    m -> assertThat(m).contains(input.getFileName().toString()),
                    m -> assertThat(m).containsAnyOf(entryNames(input)));
        } catch (Throwable t) {
            fail("reading " + input.getFileName() + " broke the contract with " + t, t);
        }
        assertThat(usedHeapAfterGc() - heapBefore).as("heap kept after reading").isLessThan(HEAP_BUDGET_BYTES);
        assertThat(snapshot(folder)).as("the input's folder is unchanged").isEqualTo(folderBefore);
        assertThat(snapshot(temp)).as("nothing is left in the temporary folder").isEqualTo(tempBefore);
        return refused;
    }

    private static String[] entryNames(Path input) {
        if (!Files.isDirectory(input)) {
            return new String[] {input.getFileName().toString()};
        }
        try (Stream<Path> files = Files.list(input)) {
            return files.map(p -> p.getFileName().toString()).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry under {@code root} (links not followed) with its kind, size and modification time. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> entries = new TreeMap<>();
        if (root == null || !Files.isDirectory(root)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    String what;
                    if (Files.isSymbolicLink(p)) {
                        what = "link -> " + Files.readSymbolicLink(p);
                    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        what = "folder";
                    } else {
                        what = Files.size(p) + " bytes, " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                    }
                    entries.put(root.relativize(p).toString(), what);
                } catch (IOException e) {
                    entries.put(root.relativize(p).toString(), "unreadable");
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("cannot list " + root, e);
        }
        return entries;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
