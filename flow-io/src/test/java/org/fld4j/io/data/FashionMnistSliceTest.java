package org.fld4j.io.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatch;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FashionMnistSliceTest {

    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private static byte[] inflate(InputStream gz) throws Exception {
        try (InputStream in = new GZIPInputStream(gz)) {
            return in.readAllBytes();
        }
    }

    @Test
    void bundledFilesAreTheCutThatTheReadmeDescribes() throws Exception {
        // SHA-256 of the uncompressed files, from sha256sum when they were cut
        String[][] expected = {
            {FashionMnistSlice.TRAIN_IMAGES, "71a9f8cec24060d6752b3e4940ce6d6fd729334afa47b735dd553481aa83b53e"},
            {FashionMnistSlice.TRAIN_LABELS, "8983259dfbc9f185f92698916f7daf361704b43ba7d19568cc7bcdeefdc1bece"},
            {FashionMnistSlice.TEST_IMAGES, "c9bd0ed7148856eb2287d902861921296d6c36d95a5113341a35554343e84123"},
            {FashionMnistSlice.TEST_LABELS, "9f5f7b9143df7bffff73a8bf7d8a53545dbf787f86e5e195c64401d2c6f8f372"},
        };
        for (String[] e : expected) {
            byte[] raw = inflate(FashionMnistSlice.resource(e[0]));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw))).as(e[0])
                    .isEqualTo(e[1]);
        }
    }

    @Test
    void countsShapesPixelsAndLabels() {
        ImageSource train = FashionMnistSlice.train();
        ImageSource test = FashionMnistSlice.test();
        assertThat(train.size()).isEqualTo(2000);
        assertThat(test.size()).isEqualTo(500);
        UInt8Image first = train.read(0).image();
        assertThat(first.shapeText()).isEqualTo("1x28x28");
        // values read from the Debian files with an independent script when the slice was cut
        assertThat(first.sample(0, 14, 14)).isEqualTo(217);
        assertThat(first.sample(0, 4, 12)).isEqualTo(3);
        int sum = 0;
        for (int i = 0; i < first.sampleCount(); i++) {
            sum += first.sample(i);
        }
        assertThat(sum).isEqualTo(76247);
        assertThat(train.read(1999).image().sample(0, 14, 14)).isEqualTo(199);
        assertThat(train.read(1999).image().sample(0, 20, 5)).isEqualTo(184);
        assertThat(test.read(0).image().sample(0, 14, 14)).isEqualTo(110);
        assertThat(test.read(499).image().sample(0, 10, 10)).isEqualTo(230);
        // first training labels 9 (ankle boot), 0, 0, 3; first test labels 9, 2, 1, 1, 6
        assertThat(new int[] {train.label(0).getAsInt(), train.label(1).getAsInt(), train.label(2).getAsInt(),
                train.label(3).getAsInt()}).containsExactly(9, 0, 0, 3);
        assertThat(new int[] {test.label(0).getAsInt(), test.label(1).getAsInt(), test.label(2).getAsInt(),
                test.label(3).getAsInt(), test.label(4).getAsInt()}).containsExactly(9, 2, 1, 1, 6);
        assertThat(train.id(17).name()).isEqualTo("train-images-idx3-ubyte.gz[17]");
    }

    @Test
    void streamsInBatchesWithLabels() {
        long total = 0;
        try (ImageBatchStream stream = new ImageBatchStream(FashionMnistSlice.test(), BatchOptions.of(128))) {
            ImageBatch batch = stream.next();
            assertThat(batch.images().shape()).containsExactly(128, 1, 28, 28);
            assertThat(batch.images().getDouble(0, 0, 14, 14)).isEqualTo(110.0);
            assertThat(batch.label(1).getAsInt()).isEqualTo(2);
            total += batch.size();
            while (stream.hasNext()) {
                total += stream.next().size();
            }
        }
        assertThat(total).isEqualTo(500);
    }

    @Test
    void matchesTheFullDebianFilesWhenInstalled() throws Exception {
        Path trainImages = DEBIAN.resolve("train-images-idx3-ubyte.gz");
        Assumptions.assumeTrue(Files.isReadable(trainImages), "package dataset-fashion-mnist is not installed");
        byte[] full = inflate(Files.newInputStream(trainImages));
        ImageSource train = FashionMnistSlice.train();
        for (int i : new int[] {0, 1, 777, 1999}) {
            byte[] expected = Arrays.copyOfRange(full, 16 + i * 784, 16 + (i + 1) * 784);
            assertThat(train.read(i).image().toByteArray()).as("image " + i).containsExactly(expected);
        }
        byte[] labels = inflate(Files.newInputStream(DEBIAN.resolve("t10k-labels-idx1-ubyte.gz")));
        ImageSource test = FashionMnistSlice.test();
        for (int i : new int[] {0, 250, 499}) {
            assertThat(test.label(i).getAsInt()).isEqualTo(labels[8 + i] & 0xFF);
        }
    }
}
