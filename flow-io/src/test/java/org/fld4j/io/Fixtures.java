package org.fld4j.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Builds test images and files with known pixel values. */
public final class Fixtures {

    private Fixtures() {
    }

    /** An RGB image whose pixel (x, y) is (seed + x, seed + 2y, seed + x + y) mod 256. */
    public static BufferedImage rgb(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (r(seed, x, y) << 16) | (g(seed, x, y) << 8) | b(seed, x, y));
            }
        }
        return image;
    }

    public static int r(int seed, int x, int y) {
        return (seed + x) & 0xFF;
    }

    public static int g(int seed, int x, int y) {
        return (seed + 2 * y) & 0xFF;
    }

    public static int b(int seed, int x, int y) {
        return (seed + x + y) & 0xFF;
    }

    /** A gray image whose pixel (x, y) is (seed + 3x + 5y) mod 256. */
    public static BufferedImage gray(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (seed + 3 * x + 5 * y) & 0xFF);
            }
        }
        return image;
    }

    /** Writes {@code image} as {@code format} ("png", "bmp", ...) to {@code file}. */
    public static Path write(BufferedImage image, String format, Path file) {
        try {
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes raw bytes. */
    public static Path bytes(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes from unsigned ints. */
    public static byte[] u8(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /**
     * An NPY 1.0 file: magic, version 1.0, little-endian header length, the dict padded with spaces so that
     * 10 + length is a multiple of 64, a newline, then the data.
     */
    public static byte[] npy(String dict, byte[] data) {
        StringBuilder header = new StringBuilder(dict);
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u8(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, header.length() & 0xFF, header.length() >> 8));
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }
}
