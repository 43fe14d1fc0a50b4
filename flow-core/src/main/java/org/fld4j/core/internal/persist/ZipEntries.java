package org.fld4j.core.internal.persist;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.fld4j.core.persist.FlowFileException;

/**
 * Reads the entries of fld4j's own zip files (flow files and reference files) with a hard cap on each: at most
 * {@code cap + 1} bytes are ever inflated, whatever the entry's header declares, so a small archive that inflates
 * to gigabytes is refused after {@code cap} bytes rather than read whole. Errors are {@link FlowFileException}s that
 * name the source and the entry.
 */
public final class ZipEntries {

    /**
     * The time stamp of every entry fld4j writes, fixed so that saving the same content twice gives the same
     * bytes (files can then be compared and hashed); it is local DOS time, so no time zone enters it.
     */
    public static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    /** A new entry named {@code name} with the fixed {@link #ENTRY_TIME}. */
    public static java.util.zip.ZipEntry entry(String name) {
        java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /**
     * The most entries an archive may list (fld4j writes two, and one more per extra flow of a reference, at most
     * 33). A central directory or stream of thousands of entries is not fld4j's, and scanning it would only cost
     * time.
     */
    public static final int MAX_ENTRIES = 64;

    /**
     * The most bytes inflated from an entry fld4j does not read (skipped in a streamed archive): 1 MiB, so a
     * zip bomb among unknown entries costs no more than that.
     */
    public static final int MAX_SKIPPED_BYTES = 1 << 20;

    private ZipEntries() {
    }

    /** How many bytes one entry may hold; a larger entry is refused with {@code why} in the message. */
    public record Cap(long bytes, String why) {
        public Cap {
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("an entry cap must be in [0, " + (Integer.MAX_VALUE - 16)
                        + "], got " + bytes);
            }
        }
    }

    /**
     * Checks the number of entries of an archive opened with {@link ZipFile} (which has read its central directory,
     * so a truncated file has failed already).
     */
    public static void checkEntryCount(ZipFile zip, String source) throws FlowFileException {
        if (zip.size() > MAX_ENTRIES) {
            throw new FlowFileException(source, "the archive lists " + zip.size() + " entries, more than the "
                    + MAX_ENTRIES + " an fld4j file may have");
        }
    }

    /** The named entry of {@code zip}, at most {@code cap} bytes and checked against its CRC-32; null when absent. */
    public static byte[] read(ZipFile zip, String name, Cap cap, String source) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = readAtMost(in, cap, source, name);
        } catch (ZipException | EOFException e) {
            throw new FlowFileException(source, "corrupt entry " + name + " (" + e.getMessage() + ")", e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new FlowFileException(source, "corrupt file: checksum mismatch in " + name);
        }
        return bytes;
    }

    /**
     * Reads {@code in} to its end, refusing it once more than {@code cap} bytes have come: at most cap + 1 bytes are
     * read, in chunks, so memory grows with what the entry really holds, never with what it claims.
     */
    public static byte[] readAtMost(InputStream in, Cap cap, String source, String entry) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(cap.bytes()));
        if (in.read() != -1) {
            throw new FlowFileException(source, "entry " + entry + " holds more than " + cap.bytes() + " bytes, "
                    + cap.why());
        }
        return bytes;
    }

    /** Whether the last 64 KiB + 22 bytes hold a zip end-of-central-directory signature. */
    public static boolean endsWithDirectory(byte[] a) {
        int stop = Math.max(0, a.length - 22 - 0xFFFF);
        for (int i = a.length - 22; i >= stop; i--) {
            if (a[i] == 'P' && a[i + 1] == 'K' && a[i + 2] == 5 && a[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }
}
