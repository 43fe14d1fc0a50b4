package org.fld4j.io.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoded-size limits, checked from the header before any pixel is decoded. */
class DecodeLimitTest {

    @TempDir
    Path dir;

    /** A PNG signature and an IHDR chunk (bit depth, colour type as the PNG specification numbers them). */
    static byte[] pngHeader(int width, int height, int bitDepth, int colorType) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(Fixtures.u8(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    private static ImageInputException refusal(ImageFileDecoder decoder, Path file) {
        try {
            decoder.decode(file, ImageId.ofFile(file.getFileName().toString()));
        } catch (ImageInputException e) {
            return e;
        }
        throw new AssertionError("not refused: " + file);
    }

    @Test
    void sixteenBitRgbaJustUnderTheOldPixelLimitIsRefusedByItsDecodedBytes() {
        // 7999 x 7999 x 4 bands x 2 bytes = 511,872,008 bytes: above the 256 MiB default, below the old 64 MP.
        Path file = Fixtures.bytes(dir.resolve("rgba16.png"), pngHeader(7999, 7999, 16, 6));
        ImageFileDecoder decoder = new ImageFileDecoder(DecodeOptions.defaults().withMaxPixels(64_000_000));
        ImageInputException e = refusal(decoder, file);
        assertThat(e.problem()).isEqualTo(InputProblem.TOO_LARGE);
        assertThat(e).hasMessageContaining("rgba16.png").hasMessageContaining(7999L * 7999 * 8 + " bytes decoded")
                .hasMessageContaining("maxDecodedBytes");
        // the header-only path applies the same check
        assertThatThrownBy(() -> decoder.readHeader(file, ImageId.ofFile("rgba16.png")))
                .hasMessageContaining("maxDecodedBytes");
        // and the pixel limit's new default (16 Mi pixels) refuses it by its pixel count first
        assertThat(refusal(new ImageFileDecoder(DecodeOptions.defaults()), file))
                .hasMessageContaining("63984001 pixels").hasMessageContaining("16777216 (maxPixels)");
    }

    @Test
    void theByteLimitCountsTheFormatsOwnBytesPerPixel() {
        BufferedImage gray16 = new BufferedImage(20, 10, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = gray16.getRaster();
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                r.setSample(x, y, 0, 257 * (x + y));
            }
        }
        Path file = Fixtures.write(gray16, "png", dir.resolve("gray16.png"));
        // 20 x 10 pixels x 1 band x 2 bytes = 400 bytes
        assertThat(refusal(new ImageFileDecoder(DecodeOptions.defaults().withMaxDecodedBytes(399)), file))
                .hasMessageContaining("400 bytes decoded");
        assertThat(new ImageFileDecoder(DecodeOptions.defaults().withMaxDecodedBytes(400))
                .decode(file, ImageId.ofFile("gray16.png")).image().sample(0, 3, 4)).isEqualTo(7);
        // 8-bit RGB: 3 bytes per pixel
        Path rgb = Fixtures.write(Fixtures.rgb(20, 10, 1), "png", dir.resolve("rgb.png"));
        assertThat(refusal(new ImageFileDecoder(DecodeOptions.defaults().withMaxDecodedBytes(599)), rgb))
                .hasMessageContaining("600 bytes decoded");
        assertThat(new ImageFileDecoder(DecodeOptions.defaults().withMaxDecodedBytes(600))
                .decode(rgb, ImageId.ofFile("rgb.png")).image().width()).isEqualTo(20);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> DecodeOptions.defaults().withMaxDecodedBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDecodedBytes");
        assertThat(DecodeOptions.defaults()).isEqualTo(new DecodeOptions(16L << 20, 256L << 20));
    }
}
