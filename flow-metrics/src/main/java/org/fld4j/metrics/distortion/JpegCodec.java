package org.fld4j.metrics.distortion;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.fld4j.io.UInt8Image;

/**
 * JPEG encoding and decoding of {@link UInt8Image}s with the JDK's own codec ({@code javax.imageio}), entirely in
 * memory: the memory-cached streams are used explicitly, so ImageIO's disk cache setting does not matter and no
 * temporary file is written. A fresh writer and reader are taken for every image, so calls may run on several
 * threads at once.
 */
final class JpegCodec {

    private static final String FORMAT = "jpeg";

    private JpegCodec() {
    }

    /** The JPEG bytes of {@code image} at {@code quality} 0..1: one gray component or three (YCbCr) for RGB. */
    static byte[] encode(UInt8Image image, float quality) {
        BufferedImage picture = toBufferedImage(image);
        ImageWriter writer = first(ImageIO.getImageWritersByFormatName(FORMAT), "writer");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes {@code jpeg} into an image of {@code channels} channels (1: the gray component, 3: RGB).
     *
     * @throws IllegalStateException if the decoded image does not have that many colour bands
     */
    static UInt8Image decode(byte[] jpeg, int channels) {
        ImageReader reader = first(ImageIO.getImageReadersByFormatName(FORMAT), "reader");
        BufferedImage picture;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            picture = reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding failed in memory", e);
        } finally {
            reader.dispose();
        }
        return fromBufferedImage(picture, channels);
    }

    private static BufferedImage toBufferedImage(UInt8Image image) {
        int width = image.width();
        int pixels = image.height() * width;
        boolean gray = image.channels() == 1;
        BufferedImage picture = new BufferedImage(width, image.height(),
                gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
        if (gray) {
            image.copyTo(data, 0);
        } else {
            byte[] chw = image.toByteArray();
            for (int p = 0; p < pixels; p++) {
                data[3 * p] = chw[2 * pixels + p];
                data[3 * p + 1] = chw[pixels + p];
                data[3 * p + 2] = chw[p];
            }
        }
        return picture;
    }

    /** Reads the raster's bands in order; for the JDK's decoded gray and RGB images band order is gray or R, G, B. */
    private static UInt8Image fromBufferedImage(BufferedImage picture, int channels) {
        Raster raster = picture.getRaster();
        boolean rgb = picture.getColorModel().getColorSpace().isCS_sRGB();
        if (raster.getNumBands() != channels || (channels == 3 && !rgb)) {
            throw new IllegalStateException("decoded JPEG has " + raster.getNumBands() + " bands"
                    + (rgb ? " (sRGB)" : "") + ", expected " + channels + (channels == 3 ? " sRGB" : ""));
        }
        int width = picture.getWidth();
        int height = picture.getHeight();
        int pixels = width * height;
        byte[] out = new byte[channels * pixels];
        int[] band = new int[pixels];
        for (int c = 0; c < channels; c++) {
            raster.getSamples(0, 0, width, height, c, band);
            for (int p = 0; p < pixels; p++) {
                out[c * pixels + p] = (byte) band[p];
            }
        }
        return UInt8Image.adopt(channels, height, width, out);
    }

    private static <T> T first(Iterator<T> candidates, String what) {
        if (!candidates.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO JPEG " + what);
        }
        return candidates.next();
    }
}
