package org.fld4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fld4j.io.array.ArrayLayout;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatch;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** The bad-file corpus: every way an input can be bad, each with the problem and a message naming the input. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertProblem(ThrowingCallable call, InputProblem problem, String named) {
        assertThatThrownBy(call).isInstanceOf(ImageInputException.class)
                .hasMessageContaining(named)
                .satisfies(e -> assertThat(((ImageInputException) e).problem()).isEqualTo(problem));
    }

    private ImageSource single(Path file) {
        return ImageSources.files(List.of(file)).build();
    }

    private static BufferedImage noise(int size, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static byte[] cut(Path file, double keep) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOf(all, (int) (all.length * keep));
    }

    @Test
    void zeroByteFile() {
        Path file = Fixtures.bytes(dir.resolve("empty.png"), new byte[0]);
        assertProblem(() -> single(file).read(0), InputProblem.EMPTY_FILE, "empty.png");
    }

    @Test
    void truncatedPng() throws IOException {
        Path whole = Fixtures.write(noise(48, 1), "png", dir.resolve("whole.png"));
        Path file = Fixtures.bytes(dir.resolve("cut.png"), cut(whole, 0.5));
        assertProblem(() -> single(file).read(0), InputProblem.TRUNCATED, "cut.png");
    }

    @Test
    void truncatedJpeg() throws IOException {
        Path whole = Fixtures.write(noise(64, 2), "jpg", dir.resolve("whole.jpg"));
        Path file = Fixtures.bytes(dir.resolve("cut.jpg"), cut(whole, 0.6));
        assertProblem(() -> single(file).read(0), InputProblem.TRUNCATED, "cut.jpg");
    }

    @Test
    void wrongMagicBytes() {
        Path file = Fixtures.bytes(dir.resolve("fake.png"), "<html>not a png</html>".getBytes(StandardCharsets.UTF_8));
        assertProblem(() -> single(file).read(0), InputProblem.WRONG_MAGIC, "fake.png");
    }

    @Test
    void unknownFormat() {
        Path file = Fixtures.bytes(dir.resolve("notes.xyz"), "just some text\n".getBytes(StandardCharsets.UTF_8));
        assertProblem(() -> single(file).read(0), InputProblem.UNKNOWN_FORMAT, "notes.xyz");
    }

    /** A PNG signature and a valid IHDR chunk declaring {@code width x height}, and nothing else. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(Fixtures.u8(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    @Test
    void hugeDeclaredDimensionsAreRefusedBeforeDecoding() {
        Path file = Fixtures.bytes(dir.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));
        assertProblem(() -> single(file).read(0), InputProblem.TOO_LARGE, "bomb.png");
        assertThatThrownBy(() -> single(file).read(0)).hasMessageContaining("100000x100000")
                .hasMessageContaining("more than the limit of 16777216 (maxPixels)");
        // the header-only path refuses it too
        assertProblem(() -> single(file).header(0), InputProblem.TOO_LARGE, "bomb.png");
    }

    @Test
    void pixelLimitIsConfigurable() {
        Path file = Fixtures.write(Fixtures.rgb(20, 20, 0), "png", dir.resolve("four-hundred.png"));
        ImageSource limited = ImageSources.files(List.of(file)).maxPixels(399).build();
        assertProblem(() -> limited.read(0), InputProblem.TOO_LARGE, "four-hundred.png");
        assertThat(ImageSources.files(List.of(file)).maxPixels(400).build().read(0).image().width()).isEqualTo(20);
        assertThatThrownBy(() -> ImageSources.files(List.of(file)).maxPixels(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPixels").hasMessageContaining("0");
    }

    @Test
    void fileThatVanishedIsUnreadable() throws IOException {
        Path dangling = dir.resolve("gone.png");
        Files.createSymbolicLink(dangling, dir.resolve("does-not-exist.png"));
        assertProblem(() -> single(dangling).read(0), InputProblem.UNREADABLE, "gone.png");
    }

    @Test
    void fileWithoutReadPermissionIsUnreadable() throws IOException {
        Path file = Fixtures.write(Fixtures.rgb(2, 2, 0), "png", dir.resolve("secret.png"));
        Files.setPosixFilePermissions(file, java.util.Set.of());
        try {
            // root reads everything whatever the permission bits say, so there is nothing to observe then.
            Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions are not enforced");
            assertProblem(() -> single(file).read(0), InputProblem.UNREADABLE, "secret.png");
        } finally {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void symlinkLoopInARecursiveFolder() throws IOException {
        Path root = Files.createDirectories(dir.resolve("tree"));
        Fixtures.write(Fixtures.rgb(2, 2, 0), "png", root.resolve("a.png"));
        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("back"), root);
        assertProblem(() -> ImageSources.folder(root).recursive(true).build(), InputProblem.SYMLINK_LOOP,
                "sub/back");
        ImageSource skipping = ImageSources.folder(root).recursive(true).badInput(BadInputPolicy.SKIP).build();
        assertThat(skipping.size()).isEqualTo(1);
        assertThat(skipping.listingReport().skipped()).singleElement()
                .satisfies(s -> {
                    assertThat(s.problem()).isEqualTo(InputProblem.SYMLINK_LOOP);
                    assertThat(s.input()).isEqualTo("sub/back");
                });
    }

    @Test
    void emptyFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing-here"));
        assertProblem(() -> ImageSources.folder(empty).build(), InputProblem.EMPTY_FOLDER, "nothing-here");
        Fixtures.bytes(empty.resolve(".hidden.png"), new byte[] {1});
        assertProblem(() -> ImageSources.folder(empty).ignoreHidden(true).build(), InputProblem.EMPTY_FOLDER,
                "1 ignored on request");
    }

    @Test
    void nanInfinityAndOutOfRangeValuesInArrays() {
        float[][] rows = {{0.5f, 0.25f}, {Float.NaN, 0f}, {0f, Float.POSITIVE_INFINITY}, {1.5f, 0f}};
        ImageSource source = ImageSources.floats(rows, new ImageShape(1, 1, 2)).range(ValueRange.UNIT).build();
        assertThat(source.read(0).image().toByteArray()).containsExactly(Fixtures.u8(128, 64));
        assertProblem(() -> source.read(1), InputProblem.BAD_VALUE, "images[1]");
        assertThatThrownBy(() -> source.read(1)).hasMessageContaining("NaN").hasMessageContaining("column 0");
        assertProblem(() -> source.read(2), InputProblem.BAD_VALUE, "images[2]");
        assertThatThrownBy(() -> source.read(2)).hasMessageContaining("infinite");
        assertProblem(() -> source.read(3), InputProblem.BAD_VALUE, "images[3]");
        assertThatThrownBy(() -> source.read(3)).hasMessageContaining("1.5").hasMessageContaining("UNIT");

        // The same values in an ND4J array, read under SKIP: only image 0 survives, the others are recorded.
        ImageSource skipping = ImageSources.array(Nd4j.create(new float[] {0.5f, 0.25f, Float.NaN, 0f, 0f,
                        Float.POSITIVE_INFINITY, 1.5f, 0f}, new long[] {4, 1, 1, 2}, 'c'))
                .range(ValueRange.UNIT).badInput(BadInputPolicy.SKIP).build();
        try (ImageBatchStream stream = new ImageBatchStream(skipping, BatchOptions.of(8))) {
            ImageBatch batch = stream.next();
            assertThat(batch.ids()).extracting(ImageId::name).containsExactly("array[0]");
            assertThat(batch.images().ravel().toFloatVector()).containsExactly(128f, 64f);
            assertThat(stream.hasNext()).isFalse();
            assertThat(stream.report().skipped()).extracting(SkippedImage::input)
                    .containsExactly("array[1]", "array[2]", "array[3]");
            assertThat(stream.report().skipped()).extracting(SkippedImage::problem).containsOnly(InputProblem.BAD_VALUE);
        }
    }

    @Test
    void npyWithUnsupportedDtype() {
        Path file = Fixtures.bytes(dir.resolve("int64.npy"),
                Fixtures.npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[8]));
        assertProblem(() -> ImageSources.npy(file).layout(ArrayLayout.NHW).build(), InputProblem.UNSUPPORTED_DTYPE,
                "int64.npy");
        assertThatThrownBy(() -> ImageSources.npy(file).layout(ArrayLayout.NHW).build()).hasMessageContaining("<i8");
    }

    @Test
    void npyWhoseShapeDoesNotFitTheLayout() {
        Path rank3 = Fixtures.bytes(dir.resolve("rank3.npy"),
                Fixtures.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2, 2), }", new byte[8]));
        assertProblem(() -> ImageSources.npy(rank3).layout(ArrayLayout.NHWC).build(), InputProblem.SHAPE_MISMATCH,
                "rank3.npy");
        Path fourChannels = Fixtures.bytes(dir.resolve("rgba.npy"),
                Fixtures.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1, 1, 4), }", new byte[4]));
        assertProblem(() -> ImageSources.npy(fourChannels).layout(ArrayLayout.NHWC).build(),
                InputProblem.SHAPE_MISMATCH, "rgba.npy");
        assertThatThrownBy(() -> ImageSources.npy(fourChannels).layout(ArrayLayout.NHWC).build())
                .hasMessageContaining("4 channels");
    }

    @Test
    void truncatedNpy() {
        Path file = Fixtures.bytes(dir.resolve("short.npy"),
                Fixtures.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }", new byte[20]));
        assertProblem(() -> ImageSources.npy(file).layout(ArrayLayout.NHW).range(ValueRange.UNIT).build(),
                InputProblem.TRUNCATED, "short.npy");
        assertThatThrownBy(() -> ImageSources.npy(file).layout(ArrayLayout.NHW).range(ValueRange.UNIT).build())
                .hasMessageContaining("32 bytes").hasMessageContaining("only 20");
        byte[] whole = Fixtures.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[1]);
        Path header = Fixtures.bytes(dir.resolve("header-cut.npy"), java.util.Arrays.copyOf(whole, 30));
        assertProblem(() -> ImageSources.npy(header).layout(ArrayLayout.NHW).build(), InputProblem.TRUNCATED,
                "header-cut.npy");
    }

    @Test
    void truncatedIdxPlainAndGzipped() throws IOException {
        ByteBuffer idx = ByteBuffer.allocate(16 + 10);
        idx.put(Fixtures.u8(0, 0, 8, 3)).putInt(2).putInt(2).putInt(3); // declares 2 x 2 x 3 = 12 bytes, has 10
        Path plain = Fixtures.bytes(dir.resolve("short-idx3-ubyte"), idx.array());
        assertProblem(() -> ImageSources.idx(plain).build(), InputProblem.TRUNCATED, "short-idx3-ubyte");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(idx.array());
        }
        Path gzipped = Fixtures.bytes(dir.resolve("short-idx3-ubyte.gz"), gz.toByteArray());
        assertProblem(() -> ImageSources.idx(gzipped).build(), InputProblem.TRUNCATED, "short-idx3-ubyte.gz");
        // a gzip stream that is itself cut off
        byte[] whole = gz.toByteArray();
        Path cutGzip = Fixtures.bytes(dir.resolve("cut-idx3-ubyte.gz"), java.util.Arrays.copyOf(whole,
                whole.length - 12));
        assertProblem(() -> ImageSources.idx(cutGzip).build(), InputProblem.TRUNCATED, "cut-idx3-ubyte.gz");
    }

    @Test
    void skipPolicyReadsTheGoodFilesAndRecordsEveryBadOneWithItsReason() throws Exception {
        Path root = Files.createDirectories(dir.resolve("mixed"));
        Fixtures.write(Fixtures.rgb(4, 4, 1), "png", root.resolve("a-good.png"));
        Fixtures.bytes(root.resolve("b-empty.png"), new byte[0]);
        Fixtures.bytes(root.resolve("c-fake.jpg"), "nope".getBytes(StandardCharsets.UTF_8));
        Fixtures.bytes(root.resolve("d-bomb.png"), pngHeaderOnly(50_000, 50_000));
        Fixtures.write(Fixtures.rgb(4, 4, 9), "bmp", root.resolve("e-good.bmp"));
        Fixtures.write(Fixtures.rgb(5, 4, 9), "png", root.resolve("f-other-size.png"));
        Map<String, String> before = digests(root);

        ImageSource failing = ImageSources.folder(root).build();
        try (ImageBatchStream stream = new ImageBatchStream(failing, BatchOptions.of(2))) {
            assertThatThrownBy(() -> {
                while (stream.hasNext()) {
                    stream.next();
                }
            }).isInstanceOf(ImageInputException.class).hasMessageContaining("b-empty.png");
        }

        ImageSource source = ImageSources.folder(root).badInput(BadInputPolicy.SKIP).build();
        List<String> read = new java.util.ArrayList<>();
        InputReport report;
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(2))) {
            while (stream.hasNext()) {
                stream.next().ids().forEach(id -> read.add(id.name()));
            }
            report = stream.report();
        }
        assertThat(read).containsExactly("a-good.png", "e-good.bmp");
        assertThat(report.imagesRead()).isEqualTo(2);
        assertThat(report.skipped()).extracting(SkippedImage::input)
                .containsExactly("b-empty.png", "c-fake.jpg", "d-bomb.png", "f-other-size.png");
        assertThat(report.skipped()).extracting(SkippedImage::problem).containsExactly(InputProblem.EMPTY_FILE,
                InputProblem.WRONG_MAGIC, InputProblem.TOO_LARGE, InputProblem.SIZE_MISMATCH);
        assertThat(report.skipped().get(3).message()).contains("f-other-size.png", "4x5 (HxW)", "most images (2 of 3) are 4x4");
        assertThat(report.format()).contains("skipped: 4", "d-bomb.png");
        assertThat(report.isComplete()).isFalse();
        // nothing in the input was modified, moved or deleted, and nothing was added
        assertThat(digests(root)).isEqualTo(before);
    }

    static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(root.relativize(p) + " " + Files.getLastModifiedTime(p),
                        HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
