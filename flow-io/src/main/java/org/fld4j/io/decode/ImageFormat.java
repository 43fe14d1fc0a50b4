package org.fld4j.io.decode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image file formats that sources read, with the extensions that name them and the signature that their content
 * starts with. The content decides how a file is decoded; the extension only decides whether a file in a folder is
 * taken for an image, and whether a file whose content does not match is reported as having the wrong signature.
 */
public enum ImageFormat {
    PNG(List.of("png")),
    JPEG(List.of("jpg", "jpeg")),
    BMP(List.of("bmp")),
    GIF(List.of("gif")),
    TIFF(List.of("tif", "tiff")),
    WEBP(List.of("webp")),
    PNM(List.of("pnm", "pgm", "ppm"));

    /** How many leading bytes {@link #sniff(byte[], int)} needs to recognise every format. */
    public static final int SIGNATURE_BYTES = 12;

    private final List<String> extensions;

    ImageFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** Lower-case extensions without the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format whose extension ends {@code file}'s name, compared case-insensitively. */
    public static Optional<ImageFormat> forFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        if (dot < 0 || dot == s.length() - 1) {
            return Optional.empty();
        }
        String ext = s.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The format whose signature the first {@code length} bytes of {@code head} carry.
     *
     * @param head   the start of a file
     * @param length how many bytes of {@code head} are valid (a file may be shorter than {@link #SIGNATURE_BYTES})
     */
    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8') && length >= 6
                && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(head, length, 'I', 'I', 0x2A, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2A)
                // BigTIFF
                || startsWith(head, length, 'I', 'I', 0x2B, 0x00) || startsWith(head, length, 'M', 'M', 0x00, 0x2B)) {
            return Optional.of(TIFF);
        }
        if (startsWith(head, length, 'R', 'I', 'F', 'F') && length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (startsWith(head, length, 'B', 'M') && length >= 6) {
            return Optional.of(BMP);
        }
        if (length >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '7'
                && Character.isWhitespace((char) head[2])) {
            return Optional.of(PNM);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
