package org.fld4j.io.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-flight lists images whose header is fine but whose data is not. */
class PreflightDecodeTest {

    @TempDir
    Path dir;

    @Test
    void truncatedAndCorruptDataAreListedAsProblems() throws IOException {
        Fixtures.write(Fixtures.rgb(32, 32, 1), "png", dir.resolve("a-good.png"));
        byte[] png = Files.readAllBytes(Fixtures.write(Fixtures.rgb(32, 32, 2), "png", dir.resolve("b-cut.png")));
        Files.write(dir.resolve("b-cut.png"), Arrays.copyOf(png, png.length * 2 / 3));
        byte[] corrupt = Files.readAllBytes(Fixtures.write(Fixtures.rgb(32, 32, 3), "png",
                dir.resolve("c-corrupt.png")));
        int idat = indexOf(corrupt, "IDAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = idat + 8; i < idat + 200 && i < corrupt.length - 16; i++) {
            corrupt[i] = (byte) (corrupt[i] ^ 0x5A);
        }
        Files.write(dir.resolve("c-corrupt.png"), corrupt);
        ImageSource source = ImageSources.folder(dir).badInput(BadInputPolicy.SKIP).build();
        // the headers alone look fine
        for (int i = 0; i < source.size(); i++) {
            assertThat(source.header(i).width()).isEqualTo(32);
        }
        PreflightSummary summary = PreflightScanner.scan(source);
        assertThat(summary.problems()).extracting(SkippedImage::input).containsExactly("b-cut.png", "c-corrupt.png");
        assertThat(summary.problems().get(0).problem()).isEqualTo(InputProblem.TRUNCATED);
        assertThat(summary.problems().get(1).problem()).isIn(InputProblem.CORRUPT, InputProblem.TRUNCATED);
    }

    private static int indexOf(byte[] data, byte[] what) {
        for (int i = 0; i + what.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
