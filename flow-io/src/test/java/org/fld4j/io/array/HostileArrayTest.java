package org.fld4j.io.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Array files whose headers lie about their size: refused before allocation, after bounded reading. */
class HostileArrayTest {

    private static final String U8_1000 = "{'descr': '|u1', 'fortran_order': False, 'shape': (10, 10, 10), }";

    @TempDir
    Path dir;

    /** An endless stream of zeros that counts what is read from it. */
    private static final class CountingZeros extends InputStream {
        private final byte[] prefix;
        long read;

        CountingZeros(byte[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public int read() {
            int b = read < prefix.length ? prefix[(int) read] & 0xFF : 0;
            read++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    @Test
    void anEntryThatGoesOnPastItsHeaderIsRefusedAfterDataPlusHeaderPlusOneBytes() {
        byte[] header = Fixtures.npy(U8_1000, new byte[0]);
        CountingZeros endless = new CountingZeros(header);
        assertThatThrownBy(() -> NpzArchive.readEntry("bomb.npz/x.npy", endless, NpzArchive.MAX_ENTRY_BYTES))
                .isInstanceOf(ImageInputException.class)
                .hasMessageContaining("bomb.npz/x.npy").hasMessageContaining("more than the 1000 bytes");
        assertThat(endless.read).isLessThanOrEqualTo(header.length + 1000 + 1);
    }

    @Test
    void aZipBombEntryInAnNpzFileIsRefusedNamingFileAndEntry() throws IOException {
        // 1,000 bytes declared, 16 MiB of zeros present (about 16 KB deflated).
        Path npz = dir.resolve("bomb.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(Fixtures.npy(U8_1000, new byte[0]));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 16; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(npz)).isLessThan(1 << 20);
        assertThatThrownBy(() -> NpzArchive.open(npz, "x"))
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.SHAPE_MISMATCH))
                .hasMessageContaining(npz + "/x.npy");
    }

    @Test
    void anEntryShorterThanItsHeaderIsTruncated() throws IOException {
        byte[] entry = Fixtures.npy(U8_1000, new byte[999]);
        assertThatThrownBy(() -> NpzArchive.readEntry("short.npz/x.npy", new ByteArrayInputStream(entry),
                NpzArchive.MAX_ENTRY_BYTES))
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.TRUNCATED))
                .hasMessageContaining("holds only 999");
    }

    @Test
    void aShapeBeyondTheLimitIsRefusedBeforeAnyDataIsRead() {
        byte[] header = Fixtures.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 3, 1024, 1024), }",
                new byte[0]);
        CountingZeros endless = new CountingZeros(header);
        assertThatThrownBy(() -> NpzArchive.readEntry("big.npz/x.npy", endless, NpzArchive.MAX_ENTRY_BYTES))
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.TOO_LARGE))
                .hasMessageContaining("2516582400000 bytes").hasMessageContaining("plain NPY file");
        assertThat(endless.read).isEqualTo(header.length);
        // a low limit shows the same check at a size a test can hold
        assertThatThrownBy(() -> NpzArchive.readEntry("x", new ByteArrayInputStream(Fixtures.npy(U8_1000,
                new byte[1000])), 999)).hasMessageContaining("more than the 999");
    }

    @Test
    void aShapeWhoseByteCountOverflowsIsRefused() {
        byte[] header = Fixtures.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }",
                new byte[0]);
        assertThatThrownBy(() -> NpzArchive.readEntry("x.npz/a", new ByteArrayInputStream(header),
                NpzArchive.MAX_ENTRY_BYTES)).isInstanceOf(ImageInputException.class).hasMessageContaining("x.npz/a");
    }

    @Test
    void anEntryExactlyAsDeclaredReads() throws IOException {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        byte[] entry = Fixtures.npy(U8_1000, data);
        byte[] read = NpzArchive.readEntry("ok", new ByteArrayInputStream(entry), NpzArchive.MAX_ENTRY_BYTES);
        assertThat(read).isEqualTo(entry);
    }

    @Test
    void anNpyFileDeclaringMoreThanItHoldsIsRefusedFromItsSize() {
        Path file = Fixtures.bytes(dir.resolve("lies.npy"), Fixtures.npy(
                "{'descr': '<f4', 'fortran_order': True, 'shape': (100000, 1024, 1024), }", new byte[64]));
        assertThatThrownBy(() -> NpyArray.open(file))
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.TRUNCATED))
                .hasMessageContaining("419430400000 bytes of data, but only 64");
    }

    @Test
    void anNpyHeaderLengthBeyondTheLimitIsRefused() {
        byte[] prelude = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0, 0, 0, 0x7F};
        Path file = Fixtures.bytes(dir.resolve("head.npy"), prelude);
        assertThatThrownBy(() -> NpyArray.open(file)).hasMessageContaining("more than the 1048576");
    }

    private static byte[] idxHeader(int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    @Test
    void idxDimensionsWhoseProductOverflowsAreRefused() {
        Path file = Fixtures.bytes(dir.resolve("overflow-idx3-ubyte"), idxHeader(Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE, 4));
        assertThatThrownBy(() -> IdxFile.open(file)).isInstanceOfSatisfying(ImageInputException.class,
                e -> assertThat(e.problem()).isEqualTo(InputProblem.SHAPE_MISMATCH))
                .hasMessageContaining("multiply to more bytes");
    }

    @Test
    void aGzippedIdxDeclaringAGigabyteOverAFewBytesIsTruncatedWithoutAllocatingIt() throws IOException {
        // 1000 x 1000 x 1000 = 1e9 bytes declared; a gigabyte buffer would not fit the test's heap budget.
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(raw)) {
            gz.write(idxHeader(1000, 1000, 1000));
            gz.write(new byte[10]);
        }
        Path file = Fixtures.bytes(dir.resolve("liar-idx3-ubyte.gz"), raw.toByteArray());
        long before = usedHeap();
        assertThatThrownBy(() -> IdxFile.open(file)).isInstanceOfSatisfying(ImageInputException.class,
                e -> assertThat(e.problem()).isEqualTo(InputProblem.TRUNCATED))
                .hasMessageContaining("1000000000 bytes, only 10");
        assertThat(usedHeap() - before).isLessThan(256L << 20);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void cifarRecordsComeFromTheFileSize() {
        Path file = Fixtures.bytes(dir.resolve("data_batch_1.bin"), new byte[3073 * 2 + 5]);
        assertThatThrownBy(() -> ImageSources.cifar(CifarVariant.CIFAR10, java.util.List.of(file)).build())
                .isInstanceOfSatisfying(ImageInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.TRUNCATED))
                .hasMessageContaining("5 bytes left over");
    }
}
