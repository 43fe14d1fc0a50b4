package org.fld4j.io.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Builds the bytes of crafted files: valid files to start from, and the edits that make them lie (a header field
 * patched, a size that does not match, a stream that inflates far beyond what its header says).
 */
final class HostileBytes {

    private HostileBytes() {
    }

    /** An NPY version 1.0 file with the header dict {@code dict} (padded as NumPy pads it) and {@code data}. */
    static byte[] npy(String dict, byte[] data) {
        return npy(1, dict, data);
    }

    /** An NPY file of format {@code major}.0 (1, 2 or 3: the width of the length field follows). */
    static byte[] npy(int major, String dict, byte[] data) {
        int prelude = major == 1 ? 10 : 12;
        StringBuilder header = new StringBuilder(dict);
        while ((prelude + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            length.putShort((short) header.length());
        } else {
            length.putInt(header.length());
        }
        out.writeBytes(length.array());
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The dict of a uint8 array of {@code shape} (a Python tuple text such as {@code "(2, 1, 4, 4)"}). */
    static String u8Dict(String shape) {
        return "{'descr': '|u1', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    /** A valid uint8 NPY of {@code n} images of 1x4x4, pixel values counting up. */
    static byte[] validNpy(int n) {
        byte[] data = new byte[n * 16];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        return npy(u8Dict("(" + n + ", 1, 4, 4)"), data);
    }

    /** A zip of the given entries (name, bytes), deflated. */
    static byte[] zip(Object... namesAndBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                zip.write((byte[]) namesAndBytes[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A zip whose only entry {@code name} starts with {@code prefix} and goes on with {@code zeros} zero bytes
     * (deflated about 1000:1), with the sizes in its local and central headers rewritten to {@code declared}: a
     * reader that trusts the header expects a small entry and gets a bomb.
     */
    static byte[] lyingZip(String name, byte[] prefix, long zeros, int declared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(prefix);
            byte[] block = new byte[1 << 16];
            for (long left = zeros; left > 0; left -= block.length) {
                zip.write(block, 0, (int) Math.min(block.length, left));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            int signature = b.getInt(i);
            if (signature == 0x08074b50) {          // data descriptor: crc, compressed, uncompressed
                b.putInt(i + 12, declared);
            } else if (signature == 0x02014b50) {   // central directory: uncompressed size at +24
                b.putInt(i + 24, declared);
            }
        }
        return bytes;
    }

    /** A PNG of a small gray or RGB image, as ImageIO writes it. */
    static byte[] png(int width, int height, boolean rgb) {
        BufferedImage image = new BufferedImage(width, height,
                rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x010101 * ((x * 31 + y * 17) & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // in memory: ImageIO would otherwise keep a cache file in the temporary folder, which the suites watch
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(image, "png", stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code png} with its IHDR rewritten (width, height, bit depth, colour type) and its CRC made right again. */
    static byte[] withHeader(byte[] png, int width, int height, int bitDepth, int colorType) {
        byte[] out = png.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(16, width);
        b.putInt(20, height);
        out[24] = (byte) bitDepth;
        out[25] = (byte) colorType;
        CRC32 crc = new CRC32();
        crc.update(out, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return out;
    }

    /** A PNG made of chunks: the signature, IHDR as given, one IDAT of {@code idat} deflated, IEND. */
    static byte[] pngOf(int width, int height, int bitDepth, int colorType, byte[] rawScanlines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", deflate(rawScanlines));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A complete PNG whose every scanline is zeros (filter byte included), deflated as it is made: a few hundred
     * KB that a decoder without a size limit expands to the full raster.
     */
    static byte[] pngOfZeros(int width, int height, int bitDepth, int colorType, int bytesPerPixel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * bytesPerPixel];
        try (DeflaterOutputStream d = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int y = 0; y < height; y++) {
                d.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The index of the first occurrence of {@code ascii} in {@code bytes}, or -1. */
    static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** An IDX file: magic {@code 0x0000TTNN}, the dimensions as big-endian ints, then {@code data}. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** {@code bytes} cut to its first {@code length} bytes. */
    static byte[] cut(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(bytes, Math.max(0, Math.min(bytes.length, length)));
    }

    /** {@code bytes} with {@code extra} appended. */
    static byte[] plus(byte[] bytes, byte... extra) {
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + extra.length);
        System.arraycopy(extra, 0, out, bytes.length, extra.length);
        return out;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
