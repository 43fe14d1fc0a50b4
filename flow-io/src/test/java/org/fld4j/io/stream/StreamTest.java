package org.fld4j.io.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputReport;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class StreamTest {

    @TempDir
    Path dir;

    private Path folderOfFive() {
        for (int i = 0; i < 5; i++) {
            Fixtures.write(Fixtures.rgb(4, 3, 40 * i), "png", dir.resolve("img" + i + ".png"));
        }
        return dir;
    }

    @Test
    @Timeout(60)
    void aBatchSizeFarAboveTheSetNeitherAllocatesItNorHangs() {
        byte[][] rows = {Fixtures.u8(1, 2, 3, 4), Fixtures.u8(5, 6, 7, 8), Fixtures.u8(9, 10, 11, 12)};
        ImageSource source = ImageSources.bytes(rows, new ImageShape(1, 2, 2)).build();
        // two billion image slots would be 16 GB of references; a batch holds at most the 3 images listed
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(Integer.MAX_VALUE - 8))) {
            assertThat(stream.hasNext()).isTrue();
            INDArray images = stream.next().images();
            assertThat(images.shape()).containsExactly(3, 1, 2, 2);
            assertThat(images.getDouble(2, 0, 1, 1)).isEqualTo(12.0);
            assertThat(stream.hasNext()).isFalse();
        }
    }

    @Test
    void batchesHoldTheImagesInOrderAsNchwIntegers() {
        ImageSource source = ImageSources.folder(folderOfFive()).build();
        List<Integer> sizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(2).withDataType(DataType.DOUBLE))) {
            while (stream.hasNext()) {
                ImageBatch batch = stream.next();
                INDArray images = batch.images();
                assertThat(images.dataType()).isEqualTo(DataType.DOUBLE);
                assertThat(images.shape()).containsExactly(batch.size(), 3, 3, 4);
                for (int row = 0; row < batch.size(); row++) {
                    int seed = 40 * (names.size() + row);
                    assertThat(images.getDouble(row, 0, 2, 3)).isEqualTo(Fixtures.r(seed, 3, 2));
                    assertThat(images.getDouble(row, 1, 2, 3)).isEqualTo(Fixtures.g(seed, 3, 2));
                    assertThat(images.getDouble(row, 2, 1, 0)).isEqualTo(Fixtures.b(seed, 0, 1));
                }
                sizes.add(batch.size());
                batch.ids().forEach(id -> names.add(id.name()));
            }
            assertThat(stream.report().imagesRead()).isEqualTo(5);
            assertThat(stream.report().isComplete()).isTrue();
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(names).containsExactly("img0.png", "img1.png", "img2.png", "img3.png", "img4.png");

        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(2).withDropLast(true)
                .withPreprocessing(Preprocessing.resizeTo(2, 2, ResizeFilter.BOX)))) {
            int batches = 0;
            while (stream.hasNext()) {
                ImageBatch batch = stream.next();
                assertThat(batch.images().dataType()).isEqualTo(DataType.FLOAT);
                assertThat(batch.images().shape()).containsExactly(2, 3, 2, 2);
                batches++;
            }
            assertThat(batches).isEqualTo(2);
        }
    }

    /** A source of {@code n} tiny images that records how far the reader has got. */
    private static final class CountingSource implements ImageSource {
        final AtomicInteger furthest = new AtomicInteger(-1);
        final int n;

        CountingSource(int n) {
            this.n = n;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public ImageId id(int index) {
            return ImageId.inContainer("counting", index);
        }

        @Override
        public DecodedImage read(int index) {
            furthest.accumulateAndGet(index, Math::max);
            return DecodedImage.clean(id(index), new UInt8Image(1, 1, 1, new byte[] {(byte) index}));
        }

        @Override
        public ImageHeader header(int index) {
            return new ImageHeader("test", 1, 1, 1, false, 8);
        }

        @Override
        public BadInputPolicy badInputPolicy() {
            return BadInputPolicy.FAIL;
        }

        @Override
        public InputReport listingReport() {
            return InputReport.empty("counting");
        }

        @Override
        public String description() {
            return "counting";
        }
    }

    @Test
    void workerStaysABoundedDistanceAheadOfTheConsumer() throws Exception {
        CountingSource source = new CountingSource(100_000);
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(10).withPrefetch(1))) {
            stream.next();
            Thread.sleep(300); // plenty of time for an unbounded worker to race through 100,000 images
            // consumed batch (10) + one queued batch (10) + the batch being filled when put blocks (10)
            assertThat(source.furthest.get()).isLessThan(30);
        }
        int stoppedAt = source.furthest.get();
        Thread.sleep(100);
        assertThat(source.furthest.get()).as("closing stops the worker").isEqualTo(stoppedAt);
    }

    @Test
    void shuffleFollowsTheDocumentedFisherYatesOnJavaUtilRandom() {
        CountingSource source = new CountingSource(20);
        ImageSource shuffled = ImageSources.shuffled(source, 42);
        int[] expected = new int[20];
        for (int i = 0; i < 20; i++) {
            expected[i] = i;
        }
        Random random = new Random(42);
        for (int i = 19; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = expected[i];
            expected[i] = expected[j];
            expected[j] = t;
        }
        for (int i = 0; i < 20; i++) {
            assertThat(shuffled.id(i).index()).isEqualTo(expected[i]);
        }
        ImageSource other = ImageSources.shuffled(source, 43);
        assertThat(other.id(0).index() != expected[0] || other.id(1).index() != expected[1]).isTrue();
    }

    @Test
    void fingerprintIsTheDocumentedSha256AndIgnoresWhereThePixelsCameFrom() throws Exception {
        byte[][] rows = {Fixtures.u8(1, 2, 3, 4, 5, 6), Fixtures.u8(250, 0, 7, 8, 9, 10)};
        ImageSource bytes = ImageSources.bytes(rows, new ImageShape(3, 1, 2)).build();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] row : rows) {
            md.update(ByteBuffer.allocate(12).putInt(3).putInt(1).putInt(2).array());
            md.update(row);
        }
        String expected = HexFormat.of().formatHex(md.digest());
        FingerprintResult result = Fingerprinter.fingerprint(bytes);
        assertThat(result.fingerprint()).isEqualTo(new SourceFingerprint(expected, 2));
        assertThat(SourceFingerprint.parse(result.fingerprint().toString())).isEqualTo(result.fingerprint());

        // the same pixels as PNG files (CHW rows above are R plane, G plane, B plane of a 2x1 image)
        java.awt.image.BufferedImage first = new java.awt.image.BufferedImage(2, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        first.setRGB(0, 0, (1 << 16) | (3 << 8) | 5);
        first.setRGB(1, 0, (2 << 16) | (4 << 8) | 6);
        java.awt.image.BufferedImage second = new java.awt.image.BufferedImage(2, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        second.setRGB(0, 0, (250 << 16) | (7 << 8) | 9);
        second.setRGB(1, 0, (8 << 8) | 10);
        Fixtures.write(first, "png", dir.resolve("1.png"));
        Fixtures.write(second, "png", dir.resolve("2.png"));
        assertThat(Fingerprinter.fingerprint(ImageSources.folder(dir).build()).fingerprint())
                .isEqualTo(result.fingerprint());
        assertThat(Fingerprinter.fingerprint(ImageSources.subset(bytes, new int[] {1, 0})).fingerprint())
                .as("order matters").isNotEqualTo(result.fingerprint());
    }
}
