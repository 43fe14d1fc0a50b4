package org.fld4j.io.array;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;

/**
 * Reads arrays out of an NPZ file (a zip of NPY files, as {@code numpy.savez} and {@code numpy.savez_compressed}
 * write). An entry is inflated into memory, so its data must fit in one Java array ({@link #MAX_ENTRY_BYTES}).
 *
 * <p>The sizes a zip declares are never trusted: the NPY header is read first (at most
 * {@link NpyHeader#MAX_HEADER_BYTES}), the data size follows from its element type and shape, and then exactly that
 * many bytes are inflated plus one more to tell whether the entry goes on. An entry that inflates to more than its
 * NPY header declares is refused after reading at most {@code header + data + 1} bytes, however large the zip says
 * it is or it really is; one that inflates to less is refused as truncated. The buffer grows with the bytes that
 * actually arrive, so a header that declares gigabytes over a short entry allocates no more than twice what is there.
 */
public final class NpzArchive {

    /**
     * The largest NPZ entry (header and data) read into memory: the largest Java byte array. Larger arrays must be
     * stored as plain NPY files, which are read by position and not held in memory.
     */
    public static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 8;

    /** The first buffer for an entry's data; it doubles as bytes arrive, up to the declared size. */
    private static final int INITIAL_BUFFER = 1 << 20;

    private NpzArchive() {
    }

    /**
     * The names of the arrays in {@code file}, without the {@code .npy} suffix, sorted.
     *
     * @throws ImageInputException naming the file if it is not a readable zip
     */
    public static List<String> entries(Path file) {
        try (ZipFile zip = openZip(file)) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    names.add(arrayName(e.getName()));
                }
            }
            Collections.sort(names);
            return names;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /**
     * Opens the array {@code entry} (with or without the {@code .npy} suffix).
     *
     * @throws ImageInputException naming the file and entry if the entry is missing, damaged or not valid NPY
     */
    public static NpyArray open(Path file, String entry) {
        String name = file.toString();
        try (ZipFile zip = openZip(file)) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                e = zip.getEntry(entry + ".npy");
            }
            if (e == null || e.isDirectory()) {
                throw new ImageInputException(name, InputProblem.MISSING_ENTRY, "NPZ file has no array '" + entry
                        + "' (it has: " + String.join(", ", entries(file)) + ")");
            }
            String entryName = name + "/" + e.getName();
            byte[] bytes;
            try (InputStream in = zip.getInputStream(e)) {
                bytes = readEntry(entryName, in, MAX_ENTRY_BYTES);
            } catch (OutOfMemoryError oom) {
                // Only reachable for a legitimate entry near the limit on a small heap: name the file, not the JVM.
                throw new ImageInputException(entryName, InputProblem.TOO_LARGE, "NPZ entry does not fit in the"
                        + " memory available (" + oom.getMessage() + "); store it as a plain NPY file", oom);
            }
            return NpyArray.fromBytes(entryName, bytes);
        } catch (IOException ex) {
            throw failure(file, ex);
        }
    }

    /**
     * Reads one NPY entry from {@code in}: the header (bounded), then exactly the data it declares, then checks that
     * nothing follows. Reads at most {@code header + data + 1} bytes from {@code in}.
     *
     * @param name     the file and entry, for messages
     * @param maxBytes the largest header plus data accepted
     * @throws ImageInputException naming the entry if the header is malformed, declares more than {@code maxBytes},
     *                             or the entry holds less or more than declared
     */
    static byte[] readEntry(String name, InputStream in, long maxBytes) throws IOException {
        byte[] first = in.readNBytes(12);
        if (first.length == 0) {
            throw new ImageInputException(name, InputProblem.EMPTY_FILE, "entry is empty (0 bytes)");
        }
        long headerLength = NpyHeader.requiredLength(first, first.length);
        if (headerLength > NpyHeader.MAX_HEADER_BYTES) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY header claims " + headerLength
                    + " bytes, more than the " + NpyHeader.MAX_HEADER_BYTES + " any real header needs");
        }
        byte[] head = Arrays.copyOf(first, (int) Math.max(headerLength, first.length));
        int got = first.length + in.readNBytes(head, first.length, head.length - first.length);
        NpyHeader header = NpyHeader.parse(name, head, got);
        long total;
        try {
            total = Math.addExact(header.dataOffset(), header.dataBytes());
        } catch (ArithmeticException ex) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape " + header.shapeText()
                    + " is too large to count in bytes", ex);
        }
        if (total > maxBytes) {
            throw new ImageInputException(name, InputProblem.TOO_LARGE, "NPY header declares "
                    + header.dtype().descr(header.order()) + " " + header.shapeText() + " = " + header.dataBytes()
                    + " bytes of data, more than the " + maxBytes + " an NPZ entry may hold in memory; store it as a"
                    + " plain NPY file");
        }
        int size = (int) total;
        byte[] buffer = Arrays.copyOf(head, (int) Math.min(size, Math.max(head.length, INITIAL_BUFFER)));
        int filled = Math.min(got, size);
        if (got > size) {
            throw trailing(name, header);
        }
        while (filled < size) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(size, 2L * buffer.length));
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new ImageInputException(name, InputProblem.TRUNCATED, "NPY data is cut off: header declares "
                        + header.dtype().descr(header.order()) + " " + header.shapeText() + " = "
                        + header.dataBytes() + " bytes of data, but the entry holds only "
                        + Math.max(0, filled - header.dataOffset()));
            }
            filled += n;
        }
        if (in.read() >= 0) {
            throw trailing(name, header);
        }
        return buffer;
    }

    private static ImageInputException trailing(String name, NpyHeader header) {
        return new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPZ entry holds more than the "
                + header.dataBytes() + " bytes of data its NPY header " + header.shapeText()
                + " declares; refused without reading the rest");
    }

    private static ZipFile openZip(Path file) throws IOException {
        String name = file.toString();
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            throw new ImageInputException(name, InputProblem.EMPTY_FILE, "file is empty (0 bytes)");
        }
        return new ZipFile(file.toFile());
    }

    private static String arrayName(String entryName) {
        return entryName.endsWith(".npy") ? entryName.substring(0, entryName.length() - 4) : entryName;
    }

    private static ImageInputException failure(Path file, IOException e) {
        String name = file.toString();
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return new ImageInputException(name, InputProblem.UNREADABLE, "does not exist", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ImageInputException(name, InputProblem.UNREADABLE, "permission denied", e);
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || message.contains("unexpected end") || message.contains("truncated")) {
            return new ImageInputException(name, InputProblem.TRUNCATED, "NPZ data ends early (" + e + ")", e);
        }
        if (e instanceof ZipException) {
            return new ImageInputException(name, InputProblem.CORRUPT,
                    "not a valid NPZ (zip) file, or a damaged one (" + e.getMessage() + ")", e);
        }
        return new ImageInputException(name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
    }
}
