package org.fld4j.io.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageWarning;
import org.fld4j.io.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's content decoded from memory gives what decoding the file gives: the pixels, warnings and errors. */
class InMemoryDecodeTest {

    private final ImageFileDecoder decoder = new ImageFileDecoder(DecodeOptions.defaults());

    @TempDir
    Path dir;

    @Test
    void theSamePixelsAndWarningsAsTheFile() throws Exception {
        for (String format : new String[] {"png", "bmp", "jpeg"}) {
            Path file = Fixtures.write(Fixtures.rgb(9, 6, 31), format, dir.resolve("a." + format));
            byte[] content = Files.readAllBytes(file);
            ImageId id = ImageId.ofFile("a." + format);
            DecodedImage fromFile = decoder.decode(file, id);
            DecodedImage fromBytes = decoder.decode(content, "hdfs://host/data/a." + format, id);
            assertThat(fromBytes.image()).as(format).isEqualTo(fromFile.image());
            assertThat(fromBytes.warnings()).isEqualTo(fromFile.warnings());
        }
        // Content and name disagree: the same warning as for a file.
        Path png = Fixtures.write(Fixtures.rgb(4, 4, 2), "png", dir.resolve("b.png"));
        DecodedImage misnamed = decoder.decode(Files.readAllBytes(png), "s3a://bucket/b.jpg", ImageId.ofFile("b.jpg"));
        assertThat(misnamed.warnings()).contains(ImageWarning.EXTENSION_MISMATCH);
    }

    @Test
    void badContentFailsWithTheFilesMessage() throws Exception {
        Path png = Fixtures.write(Fixtures.rgb(40, 30, 5), "png", dir.resolve("c.png"));
        byte[] cut = Arrays.copyOf(Files.readAllBytes(png), 60);
        Path cutFile = Fixtures.bytes(dir.resolve("cut.png"), cut);
        ImageId id = ImageId.ofFile("cut.png");
        ImageInputException fileError = org.junit.jupiter.api.Assertions.assertThrows(ImageInputException.class,
                () -> decoder.decode(cutFile, id));
        assertThatThrownBy(() -> decoder.decode(cut, "cut.png", id))
                .isInstanceOf(ImageInputException.class).hasMessage(fileError.getMessage());
        assertThatThrownBy(() -> decoder.decode(new byte[0], "empty.png", ImageId.ofFile("empty.png")))
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.EMPTY_FILE));
        assertThatThrownBy(() -> decoder.decode("hello".getBytes(), "x.txt", ImageId.ofFile("x.txt")))
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.UNKNOWN_FORMAT));
    }
}
