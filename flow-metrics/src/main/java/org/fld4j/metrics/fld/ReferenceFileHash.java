package org.fld4j.metrics.fld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The content hash a paper cites for a reference file: {@code sha256:} and the SHA-256 of the file's bytes, in lower
 * case hex. It names the file exactly, and it is stable: a reference file is a zip whose entries carry a fixed time
 * stamp and whose JSON is written in a fixed order, so the same reference saved again gives the same bytes and the
 * same hash. Two files with the same hash are the same reference; anyone can check theirs with {@code sha256sum}.
 */
public final class ReferenceFileHash {

    /** What a hash is written after. */
    public static final String PREFIX = "sha256:";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private ReferenceFileHash() {
    }

    /** {@code sha256:<64 hex>} of the file's bytes. */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return format(digest.digest());
    }

    /** {@code sha256:} and the hex of a finished SHA-256 digest. */
    public static String format(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + sha256.length);
        }
        return PREFIX + HexFormat.of().formatHex(sha256);
    }

    /** A fresh SHA-256 digest, for hashing a file while it is written or downloaded. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Whether {@code hex} is 64 lower-case hex digits, the hex part of a hash. */
    public static boolean isHex(String hex) {
        return hex != null && HEX.matcher(hex).matches();
    }

    /**
     * The 64 hex digits of a hash written {@code sha256:<hex>} or bare, upper or lower case.
     *
     * @throws IllegalArgumentException naming the value when it is not one
     */
    public static String hexOf(String hash) {
        String hex = hash.strip();
        if (hex.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            hex = hex.substring(PREFIX.length());
        }
        hex = hex.toLowerCase(java.util.Locale.ROOT);
        if (!isHex(hex)) {
            throw new IllegalArgumentException("'" + hash + "' is not a SHA-256 hash (64 hex digits, optionally"
                    + " written sha256:<hex>)");
        }
        return hex;
    }
}
