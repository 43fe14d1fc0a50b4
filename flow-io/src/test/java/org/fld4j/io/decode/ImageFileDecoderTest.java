package org.fld4j.io.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageWarning;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileDecoderTest {

    private final ImageFileDecoder decoder = new ImageFileDecoder(DecodeOptions.defaults());

    @TempDir
    Path dir;

    private DecodedImage decode(Path file) {
        return decoder.decode(file, ImageId.ofFile(file.getFileName().toString()));
    }

    private static void assertRgbPattern(UInt8Image image, int width, int height, int seed) {
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.width()).isEqualTo(width);
        assertThat(image.height()).isEqualTo(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(image.sample(0, y, x)).isEqualTo(Fixtures.r(seed, x, y));
                assertThat(image.sample(1, y, x)).isEqualTo(Fixtures.g(seed, x, y));
                assertThat(image.sample(2, y, x)).isEqualTo(Fixtures.b(seed, x, y));
            }
        }
    }

    @Test
    void losslessFormatsReadBackPixelExactly() {
        for (String format : new String[] {"png", "bmp", "tiff"}) {
            Path file = Fixtures.write(Fixtures.rgb(7, 5, 200), format, dir.resolve("a." + format));
            DecodedImage decoded = decode(file);
            assertRgbPattern(decoded.image(), 7, 5, 200);
            assertThat(decoded.warnings()).as(format).isEmpty();
        }
    }

    @Test
    void grayPngStaysOneChannelWithStoredValues() {
        Path file = Fixtures.write(Fixtures.gray(6, 4, 100), "png", dir.resolve("g.png"));
        UInt8Image image = decode(file).image();
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.sample(0, 3, 5)).isEqualTo((100 + 15 + 15) & 0xFF);
        assertThat(image.sample(0, 0, 0)).isEqualTo(100);
    }

    @Test
    void handWrittenPpmAndPgmAreRead() {
        // P6: 2x1, maxval 255, pixels (1,2,3) (250,251,252)
        byte[] header = "P6\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream ppm = new ByteArrayOutputStream();
        ppm.writeBytes(header);
        ppm.writeBytes(Fixtures.u8(1, 2, 3, 250, 251, 252));
        UInt8Image rgb = decode(Fixtures.bytes(dir.resolve("x.PPM"), ppm.toByteArray())).image();
        assertThat(rgb.toByteArray()).containsExactly(Fixtures.u8(1, 250, 2, 251, 3, 252));

        ByteArrayOutputStream pgm = new ByteArrayOutputStream();
        pgm.writeBytes("P5\n3 1\n255\n".getBytes(StandardCharsets.US_ASCII));
        pgm.writeBytes(Fixtures.u8(0, 128, 255));
        UInt8Image gray = decode(Fixtures.bytes(dir.resolve("x.pgm"), pgm.toByteArray())).image();
        assertThat(gray.channels()).isEqualTo(1);
        assertThat(gray.toByteArray()).containsExactly(Fixtures.u8(0, 128, 255));
    }

    @Test
    void sixteenBitSamplesAreRoundedTo8BitsAsDocumented() {
        BufferedImage image = new BufferedImage(5, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] values = {65535, 257 * 100, 128, 129, 385};
        for (int x = 0; x < values.length; x++) {
            image.getRaster().setSample(x, 0, 0, values[x]);
        }
        DecodedImage decoded = decode(Fixtures.write(image, "png", dir.resolve("deep.png")));
        // v / 257 rounded half up: 255, 100, 0.498 -> 0, 0.502 -> 1, 1.498 -> 1
        assertThat(decoded.image().toByteArray()).containsExactly(Fixtures.u8(255, 100, 0, 1, 1));
        assertThat(decoded.warnings()).containsExactly(ImageWarning.REDUCED_TO_8_BITS);
    }

    @Test
    void sixteenBitRgbIsReduced() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(1, 1);
        raster.setPixel(0, 0, new int[] {65535, 386, 0}); // 255, 1.502 -> 2, 0
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        UInt8Image decoded = decode(Fixtures.write(image, "png", dir.resolve("deep-rgb.png"))).image();
        assertThat(decoded.toByteArray()).containsExactly(Fixtures.u8(255, 2, 0));
    }

    @Test
    void alphaIsDroppedWithAWarning() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x10203040); // alpha 0x10, colour (0x20, 0x30, 0x40)
        image.setRGB(1, 0, 0xFF0A0B0C);
        DecodedImage decoded = decode(Fixtures.write(image, "png", dir.resolve("alpha.png")));
        assertThat(decoded.image().channels()).isEqualTo(3);
        assertThat(decoded.image().toByteArray()).containsExactly(Fixtures.u8(0x20, 0x0A, 0x30, 0x0B, 0x40, 0x0C));
        assertThat(decoded.warnings()).containsExactly(ImageWarning.ALPHA_DROPPED);
    }

    @Test
    void paletteImagesBecomeRgbOrGray() {
        IndexColorModel colours = new IndexColorModel(8, 2, Fixtures.u8(10, 200), Fixtures.u8(20, 100),
                Fixtures.u8(30, 0));
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, colours);
        indexed.getRaster().setSample(0, 0, 0, 1);
        indexed.getRaster().setSample(1, 0, 0, 0);
        UInt8Image rgb = decode(Fixtures.write(indexed, "gif", dir.resolve("p.gif"))).image();
        assertThat(rgb.toByteArray()).containsExactly(Fixtures.u8(200, 10, 100, 20, 0, 30));

        IndexColorModel grays = new IndexColorModel(8, 2, Fixtures.u8(7, 99), Fixtures.u8(7, 99),
                Fixtures.u8(7, 99));
        BufferedImage grayIndexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, grays);
        grayIndexed.getRaster().setSample(0, 0, 0, 1);
        UInt8Image gray = decode(Fixtures.write(grayIndexed, "png", dir.resolve("pg.png"))).image();
        assertThat(gray.channels()).isEqualTo(1);
        assertThat(gray.toByteArray()).containsExactly(Fixtures.u8(99, 7));
    }

    @Test
    void contentDecidesTheFormatAndAMismatchIsWarned() {
        Path file = Fixtures.write(Fixtures.rgb(3, 3, 1), "png", dir.resolve("really-a-png.jpg"));
        DecodedImage decoded = decode(file);
        assertRgbPattern(decoded.image(), 3, 3, 1);
        assertThat(decoded.warnings()).containsExactly(ImageWarning.EXTENSION_MISMATCH);
    }

    @Test
    void headerIsReadWithoutDecoding() {
        BufferedImage image = new BufferedImage(9, 4, BufferedImage.TYPE_USHORT_GRAY);
        ImageHeader header = decoder.readHeader(Fixtures.write(image, "png", dir.resolve("h.png")),
                ImageId.ofFile("h.png"));
        assertThat(header).isEqualTo(new ImageHeader("PNG", 9, 4, 1, false, 16));
        ImageHeader argb = decoder.readHeader(Fixtures.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB),
                "png", dir.resolve("a.png")), ImageId.ofFile("a.png"));
        assertThat(argb.colorChannels()).isEqualTo(3);
        assertThat(argb.alpha()).isTrue();
    }

    @Test
    void cmykAndYcckJpegsAreConvertedToRgb() throws Exception {
        for (boolean ycck : new boolean[] {false, true}) {
            Path file = dir.resolve(ycck ? "ycck.jpg" : "cmyk.jpg");
            writeAdobeJpeg(file, ycck);
            UInt8Image rgb = decode(file).image();
            assertThat(rgb.channels()).isEqualTo(3);
            // Left half has no ink at all, so it must come out white; the right half has full black ink. A reader
            // that took the four channels for RGBA, or forgot the inversion, gives a colour cast or swaps the two.
            for (int c = 0; c < 3; c++) {
                String what = (ycck ? "YCCK" : "CMYK") + " channel " + c;
                assertThat(rgb.sample(c, 4, 2)).as("white, " + what).isGreaterThanOrEqualTo(240);
                assertThat(rgb.sample(c, 4, 13)).as("black, " + what).isLessThanOrEqualTo(40);
            }
        }
    }

    /**
     * A 16x8 four-channel JPEG with an Adobe APP14 marker (transform 0 = CMYK, 2 = YCCK), as Photoshop writes
     * them. Adobe stores CMYK inverted: 255 means no ink. For YCCK the first three channels are the YCbCr of the
     * stored C, M, Y, and the decoder takes 255 minus the RGB that
     * YCbCr gives: stored 255 (no ink) needs RGB 0, i.e. Y = 0, Cb = Cr = 128.
     */
    private static void writeAdobeJpeg(Path file, boolean ycck) throws Exception {
        int w = 16;
        int h = 8;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = x >= w / 2 ? 0 : 255; // inverted K: 0 = full black ink
                raster.setPixel(x, y, ycck ? new int[] {0, 128, 128, k} : new int[] {255, 255, 255, k});
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio")) {
                writer = candidate; // the JDK writer stores a raster's four channels as they are
            }
        }
        assertThat(writer).as("the JDK JPEG writer").isNotNull();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (javax.imageio.stream.MemoryCacheImageOutputStream out =
                     new javax.imageio.stream.MemoryCacheImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        byte[] jpeg = encoded.toByteArray();
        // APP14 "Adobe": length 14, version 100, flags 0, flags 0, transform.
        byte[] adobe = Fixtures.u8(0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, ycck ? 2 : 0);
        ByteArrayOutputStream withMarker = new ByteArrayOutputStream();
        withMarker.write(jpeg, 0, 2); // SOI
        withMarker.writeBytes(adobe);
        withMarker.write(jpeg, 2, jpeg.length - 2);
        Fixtures.bytes(file, withMarker.toByteArray());
    }
}
