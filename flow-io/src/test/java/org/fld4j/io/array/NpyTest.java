package org.fld4j.io.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.ValueRange;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** NPY/NPZ reading against hand-built bytes, and writing compared with bytes built from the format description. */
class NpyTest {

    @TempDir
    Path dir;

    @Test
    void bigEndianFloat32InFortranOrder() {
        // shape (2, 2, 3) read as NHW, value(n, y, x) = 10n + 3y + x; Fortran order puts element (n, y, x) at
        // n + 2 * (y + 2 * x).
        ByteBuffer data = ByteBuffer.allocate(12 * 4).order(ByteOrder.BIG_ENDIAN);
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    data.putFloat((n + 2 * (y + 2 * x)) * 4, 10 * n + 3 * y + x);
                }
            }
        }
        Path file = Fixtures.bytes(dir.resolve("be-fortran.npy"),
                Fixtures.npy("{'descr': '>f4', 'fortran_order': True, 'shape': (2, 2, 3), }", data.array()));
        ImageSource source = ImageSources.npy(file).layout(ArrayLayout.NHW).range(ValueRange.UINT8).build();
        assertThat(source.size()).isEqualTo(2);
        for (int n = 0; n < 2; n++) {
            UInt8Image image = source.read(n).image();
            assertThat(image.shapeText()).isEqualTo("1x2x3");
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    assertThat(image.sample(0, y, x)).isEqualTo(10 * n + 3 * y + x);
                }
            }
        }
        assertThat(source.id(1).name()).isEqualTo("be-fortran.npy[1]");
        assertThat(source.id(1).index()).isEqualTo(1);
    }

    @Test
    void bigEndianFloat64NhwcInCOrderWithUnitRange() {
        // shape (1, 2, 2, 3): pixel (y, x) channel c holds (40y + 20x + c) / 255
        ByteBuffer data = ByteBuffer.allocate(12 * 8).order(ByteOrder.BIG_ENDIAN);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                for (int c = 0; c < 3; c++) {
                    data.putDouble((40 * y + 20 * x + c) / 255.0);
                }
            }
        }
        Path file = Fixtures.bytes(dir.resolve("be-c.npy"),
                Fixtures.npy("{'descr': '>f8', 'fortran_order': False, 'shape': (1, 2, 2, 3), }", data.array()));
        UInt8Image image = ImageSources.npy(file).layout(ArrayLayout.NHWC).range(ValueRange.UNIT).build().read(0)
                .image();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    assertThat(image.sample(c, y, x)).isEqualTo(40 * y + 20 * x + c);
                }
            }
        }
    }

    @Test
    void littleEndianFortranUint8Nchw() {
        // shape (2, 1, 1, 2), Fortran: element (n, c, y, x) at n + 2 * (c + 1 * (y + 1 * x)) = n + 2x
        byte[] data = Fixtures.u8(11, 21, 12, 22); // (n0,x0) (n1,x0) (n0,x1) (n1,x1)
        Path file = Fixtures.bytes(dir.resolve("f.npy"),
                Fixtures.npy("{'descr': '|u1', 'fortran_order': True, 'shape': (2, 1, 1, 2), }", data));
        ImageSource source = ImageSources.npy(file).layout(ArrayLayout.NCHW).build();
        assertThat(source.read(0).image().toByteArray()).containsExactly(Fixtures.u8(11, 12));
        assertThat(source.read(1).image().toByteArray()).containsExactly(Fixtures.u8(21, 22));
    }

    @Test
    void layoutAndRangeMustBeNamed() {
        Path file = Fixtures.bytes(dir.resolve("f4.npy"),
                Fixtures.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[4]));
        assertThatThrownBy(() -> ImageSources.npy(file).range(ValueRange.UNIT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layout");
        assertThatThrownBy(() -> ImageSources.npy(file).layout(ArrayLayout.NHW).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
        Path u1 = Fixtures.bytes(dir.resolve("u1.npy"),
                Fixtures.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[1]));
        assertThatThrownBy(() -> ImageSources.npy(u1).layout(ArrayLayout.NHW).range(ValueRange.UNIT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNIT");
    }

    @Test
    void writtenUint8MatchesTheFormatByteForByte() throws Exception {
        INDArray array = Nd4j.create(new float[] {1, 2, 3, 4, 5, 255}, new long[] {1, 1, 2, 3}, 'c');
        Path file = dir.resolve("out.npy");
        NpyWriter.write(file, array, NpyWriteOptions.of(NpyDtype.UINT8));
        assertThat(Files.readAllBytes(file)).containsExactly(
                Fixtures.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1, 2, 3), }",
                        Fixtures.u8(1, 2, 3, 4, 5, 255)));
        assertThat(ImageSources.npy(file).layout(ArrayLayout.NCHW).build().read(0).image().toByteArray())
                .containsExactly(Fixtures.u8(1, 2, 3, 4, 5, 255));
    }

    @Test
    void writtenBigEndianFloat32MatchesTheFormat() throws Exception {
        INDArray array = Nd4j.create(new float[] {0.5f, 1f}, new long[] {1, 2}, 'c');
        Path file = dir.resolve("be.npy");
        NpyWriter.write(file, array, NpyWriteOptions.of(NpyDtype.FLOAT32).withOrder(ByteOrder.BIG_ENDIAN));
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(0.5f).putFloat(1f);
        assertThat(Files.readAllBytes(file)).containsExactly(
                Fixtures.npy("{'descr': '>f4', 'fortran_order': False, 'shape': (1, 2), }", data.array()));
    }

    @Test
    void neverOverwritesSilentlyAndLeavesNoTemporaryFiles() throws Exception {
        Path file = Fixtures.bytes(dir.resolve("precious.npy"), Fixtures.u8(1, 2, 3));
        INDArray array = Nd4j.create(new float[] {7}, new long[] {1, 1, 1}, 'c');
        assertThatThrownBy(() -> NpyWriter.write(file, array, NpyWriteOptions.of(NpyDtype.UINT8)))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("precious.npy");
        assertThat(Files.readAllBytes(file)).containsExactly(Fixtures.u8(1, 2, 3));
        assertThatThrownBy(() -> NpyWriter.write(dir.resolve("bad.npy"),
                Nd4j.create(new float[] {1.5f}, new long[] {1, 1, 1}, 'c'), NpyWriteOptions.of(NpyDtype.UINT8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThat(dir.resolve("bad.npy")).doesNotExist();
        NpyWriter.write(file, array, NpyWriteOptions.of(NpyDtype.UINT8).allowOverwrite());
        assertThat(ImageSources.npy(file).layout(ArrayLayout.NHW).build().read(0).image().sample(0)).isEqualTo(7);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("precious.npy");
        }
    }

    @Test
    void npzRoundTripAndEntryLookup() throws Exception {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("real", Nd4j.create(new float[] {0f, 0.5f, 1f, 0.25f}, new long[] {2, 1, 1, 2}, 'c'));
        arrays.put("fake", Nd4j.create(new double[] {9, 8, 7}, new long[] {1, 1, 3}, 'c'));
        Path file = dir.resolve("both.npz");
        NpzWriter.write(file, arrays, NpyWriteOptions.of(NpyDtype.FLOAT64));
        assertThat(NpzArchive.entries(file)).containsExactly("fake", "real");
        ImageSource real = ImageSources.npz(file, "real").layout(ArrayLayout.NCHW).range(ValueRange.UNIT).build();
        assertThat(real.read(0).image().toByteArray()).containsExactly(Fixtures.u8(0, 128));
        assertThat(real.read(1).image().toByteArray()).containsExactly(Fixtures.u8(255, 64));
        assertThat(real.id(1).name()).isEqualTo("both.npz/real[1]");
        ImageSource fake = ImageSources.npz(file, "fake.npy").layout(ArrayLayout.NHW).range(ValueRange.UINT8).build();
        assertThat(fake.read(0).image().toByteArray()).containsExactly(Fixtures.u8(9, 8, 7));
        assertThatThrownBy(() -> ImageSources.npz(file, "missing").layout(ArrayLayout.NHW).build())
                .isInstanceOf(org.fld4j.io.ImageInputException.class).hasMessageContaining("both.npz")
                .hasMessageContaining("missing").hasMessageContaining("real");
        assertThatThrownBy(() -> NpzWriter.write(file, arrays, NpyWriteOptions.of(NpyDtype.FLOAT64)))
                .isInstanceOf(FileAlreadyExistsException.class);
    }
}
