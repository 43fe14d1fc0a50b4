package org.fld4j.io.decode;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.EnumSet;
import java.util.Set;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageWarning;
import org.fld4j.io.UInt8Image;

/**
 * Converts a {@link BufferedImage} of any type into 8-bit gray (1 channel) or RGB (3 channels) samples.
 *
 * <p>The rules, chosen so that the numbers equal what common Python imaging libraries read from the same file:
 * <ul>
 *   <li>Gray and RGB images: the stored sample values are used as they are. Embedded ICC profiles and gamma
 *       information are not applied (Java's {@code getRGB} would convert linear gray to sRGB and change every
 *       value).</li>
 *   <li>Alpha is dropped, not composited, and the image gets {@link ImageWarning#ALPHA_DROPPED}. Premultiplied
 *       colours are first divided by alpha.</li>
 *   <li>Samples of {@code b != 8} bits are mapped to 8 bits by {@code floor(v * 255 / (2^b - 1) + 0.5)}; for
 *       16 bits that is {@code v / 257} rounded half up, so 65535 -> 255, 257·k -> k, 128 -> 0, 129 -> 1.</li>
 *   <li>Palette images become RGB, or gray when every palette entry is gray.</li>
 *   <li>Anything else (CMYK rasters, YCbCr, floating-point samples) goes through Java's conversion to sRGB and gets
 *       {@link ImageWarning#CONVERTED_TO_SRGB}. CMYK and YCCK JPEGs never reach this: the JPEG reader converts them
 *       to RGB itself.</li>
 * </ul>
 */
public final class BufferedImageConverter {

    private BufferedImageConverter() {
    }

    /**
     * Converts {@code image}.
     *
     * @param id             the image's identity, carried into the result
     * @param image          the decoded image; not modified
     * @param extraWarnings  warnings found before conversion (e.g. an extension mismatch), added to the result
     */
    public static DecodedImage convert(ImageId id, BufferedImage image, Set<ImageWarning> extraWarnings) {
        EnumSet<ImageWarning> warnings = EnumSet.noneOf(ImageWarning.class);
        warnings.addAll(extraWarnings);
        ColorModel cm = image.getColorModel();
        UInt8Image pixels;
        if (cm instanceof IndexColorModel icm) {
            pixels = fromPalette(image, icm, warnings);
        } else if (isPlainGrayOrRgb(image, cm)) {
            pixels = fromSamples(image, cm, warnings);
        } else {
            pixels = viaSrgb(image, warnings);
        }
        return new DecodedImage(id, pixels, warnings);
    }

    private static boolean isPlainGrayOrRgb(BufferedImage image, ColorModel cm) {
        int type = cm.getColorSpace().getType();
        int colours = cm.getNumColorComponents();
        boolean grayOrRgb = (type == ColorSpace.TYPE_GRAY && colours == 1)
                || (type == ColorSpace.TYPE_RGB && colours == 3);
        int transfer = image.getRaster().getTransferType();
        boolean integerSamples = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT
                || transfer == DataBuffer.TYPE_SHORT || transfer == DataBuffer.TYPE_INT;
        return grayOrRgb && integerSamples && !cm.isAlphaPremultiplied()
                && image.getRaster().getNumBands() == cm.getNumComponents();
    }

    private static UInt8Image fromSamples(BufferedImage image, ColorModel cm, EnumSet<ImageWarning> warnings) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = cm.getNumColorComponents();
        if (cm.hasAlpha()) {
            warnings.add(ImageWarning.ALPHA_DROPPED);
        }
        byte[] out = new byte[channels * h * w];
        int[] row = new int[w];
        for (int c = 0; c < channels; c++) {
            int bits = cm.getComponentSize(c);
            if (bits > 8) {
                warnings.add(ImageWarning.REDUCED_TO_8_BITS);
            } else if (bits < 8) {
                warnings.add(ImageWarning.EXPANDED_TO_8_BITS);
            }
            long max = (1L << bits) - 1;
            for (int y = 0; y < h; y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, c, row);
                int base = (c * h + y) * w;
                for (int x = 0; x < w; x++) {
                    out[base + x] = (byte) (bits == 8 ? row[x] : scaleTo8Bits(row[x], max));
                }
            }
        }
        return UInt8Image.adopt(channels, h, w, out);
    }

    /**
     * {@code floor(v * 255 / max + 0.5)} in exact integer arithmetic.
     *
     * @param v   a sample in {@code 0..max}
     * @param max the largest sample value, {@code 2^bits - 1}
     */
    static int scaleTo8Bits(long v, long max) {
        long clamped = Math.max(0, Math.min(max, v));
        return (int) ((2 * clamped * 255 + max) / (2 * max));
    }

    private static UInt8Image fromPalette(BufferedImage image, IndexColorModel icm, EnumSet<ImageWarning> warnings) {
        int size = icm.getMapSize();
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        icm.getReds(r);
        icm.getGreens(g);
        icm.getBlues(b);
        boolean gray = true;
        for (int i = 0; i < size && gray; i++) {
            gray = r[i] == g[i] && g[i] == b[i];
        }
        if (icm.getTransparency() != java.awt.Transparency.OPAQUE) {
            warnings.add(ImageWarning.ALPHA_DROPPED);
        }
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = gray ? 1 : 3;
        byte[] out = new byte[channels * h * w];
        int[] row = new int[w];
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int index = Math.min(size - 1, Math.max(0, row[x]));
                int at = y * w + x;
                out[at] = r[index];
                if (!gray) {
                    out[plane + at] = g[index];
                    out[2 * plane + at] = b[index];
                }
            }
        }
        return UInt8Image.adopt(channels, h, w, out);
    }

    private static UInt8Image viaSrgb(BufferedImage image, EnumSet<ImageWarning> warnings) {
        ColorModel cm = image.getColorModel();
        if (cm.hasAlpha()) {
            warnings.add(ImageWarning.ALPHA_DROPPED);
        }
        boolean srgb = cm.getColorSpace().isCS_sRGB();
        if (!srgb) {
            warnings.add(ImageWarning.CONVERTED_TO_SRGB);
        }
        for (int c = 0; c < cm.getNumComponents(); c++) {
            if (cm.getComponentSize(c) > 8) {
                warnings.add(ImageWarning.REDUCED_TO_8_BITS);
                break;
            }
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = h * w;
        byte[] out = new byte[3 * plane];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            // getRGB returns non-premultiplied sRGB, which is exactly what is wanted once alpha is dropped.
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int at = y * w + x;
                out[at] = (byte) (argb >>> 16);
                out[plane + at] = (byte) (argb >>> 8);
                out[2 * plane + at] = (byte) argb;
            }
        }
        return UInt8Image.adopt(3, h, w, out);
    }
}
