package org.fld4j.cli.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.fld4j.cli.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the input options add for pre-flight: decoded data checked, limits and ranges as options. */
class PreflightInputLimitsTest {

    @TempDir
    Path dir;

    private static void png(int width, int height, Path file) throws IOException {
        assertThat(ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), "png",
                file.toFile())).isTrue();
    }

    @Test
    void aTruncatedPngIsAProblemNotAUsableImage() throws IOException {
        Path set = Files.createDirectory(dir.resolve("set"));
        png(16, 16, set.resolve("a.png"));
        png(16, 16, set.resolve("b.png"));
        byte[] bytes = Files.readAllBytes(set.resolve("b.png"));
        Files.write(set.resolve("b.png"), Arrays.copyOf(bytes, bytes.length - 30));
        CommandLineRun run = CommandLineRun.of("-q", "preflight", set.toString(), "--json");
        assertThat(run.result().get("sets").get(0).get("usable").asInt()).as(run.err()).isEqualTo(1);
        assertThat(run.result().get("sets").get(0).get("problems").toString()).contains("b.png");
    }

    @Test
    void thePixelLimitIsAnOption() throws IOException {
        Path set = Files.createDirectory(dir.resolve("big"));
        png(20, 20, set.resolve("a.png"));
        CommandLineRun limited = CommandLineRun.of("-q", "preflight", set.toString(), "--max-pixels", "399");
        assertThat(limited.out() + limited.err()).contains("a.png").contains("--max-pixels");
        CommandLineRun enough = CommandLineRun.of("-q", "preflight", set.toString(), "--max-pixels", "400",
                "--json");
        assertThat(enough.status()).as(enough.err()).isZero();
        assertThat(CommandLineRun.of("-q", "preflight", set.toString(), "--max-pixels", "0").status()).isEqualTo(2);
    }

    @Test
    void aFloatNpyWithoutARangeIsAMissingOption() throws IOException {
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4, 4), }");
        while ((10 + dict.length() + 1) % 64 != 0) {
            dict.append(' ');
        }
        dict.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) dict.length(), 0});
        out.write(dict.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[2 * 16 * 4]);
        Path npy = Files.write(dir.resolve("floats.npy"), out.toByteArray());
        CommandLineRun run = CommandLineRun.of("-q", "preflight", npy.toString(), "--layout", "nhw");
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("floats.npy").contains("--range uint8|unit|signed");
        assertThat(CommandLineRun.of("-q", "preflight", npy.toString(), "--layout", "nhw", "--range", "unit")
                .status()).isZero();
    }
}
