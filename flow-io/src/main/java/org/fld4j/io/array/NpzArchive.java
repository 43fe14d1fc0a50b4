package org.fld4j.io.array;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * write). An entry is inflated into memory, so it must be smaller than 2 GiB.
 */
public final class NpzArchive {

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
            if (e.getSize() > Integer.MAX_VALUE - 8) {
                throw new ImageInputException(name + "/" + e.getName(), InputProblem.SHAPE_MISMATCH,
                        "NPZ entry is larger than 2 GiB; store it as a plain NPY file");
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(e)) {
                bytes = in.readAllBytes();
            }
            return NpyArray.fromBytes(name + "/" + e.getName(), bytes);
        } catch (IOException ex) {
            throw failure(file, ex);
        }
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
