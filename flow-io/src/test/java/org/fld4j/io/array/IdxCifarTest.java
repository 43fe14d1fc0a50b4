package org.fld4j.io.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxCifarTest {

    @TempDir
    Path dir;

    /** 2 images of 2x3: image n pixel (y, x) = 100n + 10y + x. */
    private static byte[] idxImages() {
        ByteBuffer b = ByteBuffer.allocate(16 + 12);
        b.put(Fixtures.u8(0, 0, 0x08, 3)).putInt(2).putInt(2).putInt(3);
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    b.put((byte) (100 * n + 10 * y + x));
                }
            }
        }
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void idxPlainAndGzippedWithLabels() throws Exception {
        byte[] labels = ByteBuffer.allocate(10).put(Fixtures.u8(0, 0, 0x08, 1)).putInt(2).put(Fixtures.u8(7, 3))
                .array();
        for (boolean gz : new boolean[] {false, true}) {
            Path images = Fixtures.bytes(dir.resolve("x-idx3-ubyte" + (gz ? ".gz" : "")),
                    gz ? gzip(idxImages()) : idxImages());
            Path labelFile = Fixtures.bytes(dir.resolve("x-idx1-ubyte" + (gz ? ".gz" : "")),
                    gz ? gzip(labels) : labels);
            ImageSource source = ImageSources.idx(images).labels(labelFile).build();
            assertThat(source.size()).isEqualTo(2);
            assertThat(source.read(1).image().toByteArray()).containsExactly(Fixtures.u8(100, 101, 102, 110, 111,
                    112));
            assertThat(source.read(0).image().shapeText()).isEqualTo("1x2x3");
            assertThat(source.label(0).getAsInt()).isEqualTo(7);
            assertThat(source.label(1).getAsInt()).isEqualTo(3);
            assertThat(source.id(1).name()).isEqualTo(images.getFileName() + "[1]");
        }
    }

    @Test
    void idxWithWrongTypeOrLabelCount() {
        byte[] shorts = idxImages();
        shorts[2] = 0x0B;
        Path file = Fixtures.bytes(dir.resolve("short-idx3"), shorts);
        assertThatThrownBy(() -> ImageSources.idx(file).build()).isInstanceOf(ImageInputException.class)
                .hasMessageContaining("short-idx3").hasMessageContaining("0x0b")
                .satisfies(e -> assertThat(((ImageInputException) e).problem())
                        .isEqualTo(InputProblem.UNSUPPORTED_DTYPE));
        Path images = Fixtures.bytes(dir.resolve("ok-idx3"), idxImages());
        Path threeLabels = Fixtures.bytes(dir.resolve("three-idx1"),
                ByteBuffer.allocate(11).put(Fixtures.u8(0, 0, 8, 1)).putInt(3).put(Fixtures.u8(1, 2, 3)).array());
        assertThatThrownBy(() -> ImageSources.idx(images).labels(threeLabels).build())
                .isInstanceOf(ImageInputException.class).hasMessageContaining("three-idx1")
                .hasMessageContaining("3 labels for 2 images");
    }

    /** One CIFAR record: label byte(s), then R, G, B planes where plane c pixel i = (seed + 3i + c) mod 256. */
    private static byte[] cifarRecord(int[] labelBytes, int seed) {
        ByteBuffer b = ByteBuffer.allocate(labelBytes.length + 3072);
        for (int l : labelBytes) {
            b.put((byte) l);
        }
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 1024; i++) {
                b.put((byte) (seed + 3 * i + c));
            }
        }
        return b.array();
    }

    @Test
    void cifar10AcrossTwoFilesAndCifar100FineLabels() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        first.writeBytes(cifarRecord(new int[] {6}, 0));
        first.writeBytes(cifarRecord(new int[] {9}, 50));
        Path a = Fixtures.bytes(dir.resolve("data_batch_1.bin"), first.toByteArray());
        Path b = Fixtures.bytes(dir.resolve("data_batch_2.bin"), cifarRecord(new int[] {4}, 200));
        ImageSource cifar10 = ImageSources.cifar(CifarVariant.CIFAR10, List.of(a, b)).build();
        assertThat(cifar10.size()).isEqualTo(3);
        assertThat(cifar10.label(0).getAsInt()).isEqualTo(6);
        assertThat(cifar10.label(2).getAsInt()).isEqualTo(4);
        assertThat(cifar10.id(2).name()).isEqualTo("data_batch_2.bin[0]");
        var image = cifar10.read(1).image();
        assertThat(image.shapeText()).isEqualTo("3x32x32");
        // channel 2, row 1, column 3 is plane pixel i = 35: (50 + 105 + 2) mod 256 = 157
        assertThat(image.sample(2, 1, 3)).isEqualTo(157);
        assertThat(cifar10.read(2).image().sample(0, 0, 0)).isEqualTo(200);

        Path hundred = Fixtures.bytes(dir.resolve("train.bin"), cifarRecord(new int[] {3, 77}, 1));
        ImageSource cifar100 = ImageSources.cifar(CifarVariant.CIFAR100, List.of(hundred)).build();
        assertThat(cifar100.label(0).getAsInt()).isEqualTo(77);
        assertThat(cifar100.read(0).image().sample(1, 0, 1)).isEqualTo(1 + 3 + 1);

        Path broken = Fixtures.bytes(dir.resolve("broken.bin"), java.util.Arrays.copyOf(cifarRecord(new int[] {1},
                0), 3000));
        assertThatThrownBy(() -> ImageSources.cifar(CifarVariant.CIFAR10, List.of(broken)).build())
                .isInstanceOf(ImageInputException.class).hasMessageContaining("broken.bin")
                .satisfies(e -> assertThat(((ImageInputException) e).problem()).isEqualTo(InputProblem.TRUNCATED));
    }
}
