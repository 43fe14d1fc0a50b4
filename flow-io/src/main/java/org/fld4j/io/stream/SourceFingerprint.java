package org.fld4j.io.stream;

import java.util.Locale;
import java.util.Objects;

/**
 * The content fingerprint of a read: a SHA-256 over the images in order and how many there were.
 *
 * <p>Exactly what is hashed, so that it can be recomputed anywhere: for each image, its channels, height and width
 * as 4-byte big-endian integers, then its samples as unsigned bytes in CHW order. File names, formats and labels are
 * not part of it: the same pixels give the same fingerprint whether they came from PNGs or an NPY file.
 *
 * @param sha256 64 lower-case hex digits
 * @param images how many images were hashed
 */
public record SourceFingerprint(String sha256, long images) {

    /** Validates the digest text. */
    public SourceFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: '" + sha256 + "'");
        }
        if (images < 0) {
            throw new IllegalArgumentException("images must be >= 0: " + images);
        }
    }

    /** The same fingerprint from text written by {@link #toString()}, e.g. read back from a cache file. */
    public static SourceFingerprint parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("fingerprint must look like <sha256>:<images>: '" + text + "'");
        }
        try {
            return new SourceFingerprint(parts[0], Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fingerprint must look like <sha256>:<images>: '" + text + "'", e);
        }
    }

    /** {@code <sha256>:<images>}. */
    @Override
    public String toString() {
        return sha256 + ":" + images;
    }
}
