package org.fld4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ImageScore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * FLD on Spark equals FLD on one machine bit for bit: the 2,000 images of the built-in Fashion-MNIST slice's training
 * part, written as PNG files, scored by the plain library and by a local[2] Spark job in 1, 2 and 7 partitions, as
 * files and as a table of pixels; and a corrupt file fails under FAIL and is skipped and reported under SKIP as on
 * one machine.
 */
class SparkFldTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static FldReference reference;
    static Path referenceFile;
    static Path images;
    static INDArray pixels;

    @BeforeAll
    static void setUp() throws Exception {
        ImageSource real = ImageSources.subset(FashionMnistSlice.test(), Indices.range(0, 400));
        reference = Fld.of(real).preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32)
                .timeBudget(Duration.ofMinutes(5)).seed(17).reference();
        referenceFile = dir.resolve("reference.fld4j");
        reference.save(referenceFile);
        images = Files.createDirectories(dir.resolve("generated"));
        try (ImageBatchStream s = new ImageBatchStream(FashionMnistSlice.train(), BatchOptions.of(2000))) {
            pixels = s.next().images();
        }
        for (int i = 0; i < 2000; i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    image.getRaster().setSample(x, y, 0, pixels.getInt(i, 0, y, x));
                }
            }
            ImageIO.write(image, "png", images.resolve(String.format("%04d.png", i)).toFile());
        }
        spark = LocalSpark.start("SparkFldTest");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void filesScoredInOneTwoOrSevenPartitionsEqualOneMachineBitForBit() throws Exception {
        FldScore local = Fld.load(referenceFile).score(ImageSources.folder(images).build());
        assertThat(local.generatedCount()).isEqualTo(2000);
        for (int partitions : new int[] {1, 2, 7}) {
            Dataset<Row> files = spark.read().format("binaryFile").load(images.toString()).repartition(partitions);
            SparkFldScore distributed = SparkFld.using(reference).score(files);
            assertThat(distributed.run().partitions()).isEqualTo(partitions);
            assertSameScore(local, distributed.score());
            Map<String, Double> perImage = new HashMap<>();
            for (Row row : distributed.perImage().collectAsList()) {
                perImage.put(fileName(row.getString(0)), row.getDouble(1));
            }
            assertThat(perImage).hasSize(2000);
            for (ImageScore s : local.perImage()) {
                assertThat(perImage.get(s.name())).as(s.name()).isEqualTo(s.logLikelihood());
            }
        }
    }

    @Test
    void aTableOfPixelsScoresAsTheArrayDoes() throws Exception {
        FldScore local = Fld.load(referenceFile).score(pixels);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            byte[] p = new byte[784];
            for (int j = 0; j < 784; j++) {
                p[j] = (byte) pixels.getInt(i, 0, j / 28, j % 28);
            }
            rows.add(RowFactory.create("image " + i, p, 1, 28, 28));
        }
        Dataset<Row> table = spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("name", DataTypes.StringType, false),
                DataTypes.createStructField("pixels", DataTypes.BinaryType, false),
                DataTypes.createStructField("channels", DataTypes.IntegerType, false),
                DataTypes.createStructField("height", DataTypes.IntegerType, false),
                DataTypes.createStructField("width", DataTypes.IntegerType, false)))).repartition(3);
        SparkFldScore distributed = SparkFld.using(reference).score(table);
        assertSameScore(local, distributed.score());
        assertThatThrownBy(() -> SparkFld.using(reference).score(table.select("name", "channels")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binaryFile");
    }

    @Test
    void aCorruptFileFailsOrIsSkippedAsOnOneMachine() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        for (int i = 0; i < 60; i++) {
            Files.copy(images.resolve(String.format("%04d.png", i)), mixed.resolve(String.format("%04d.png", i)));
        }
        byte[] good = Files.readAllBytes(images.resolve("0000.png"));
        Files.write(mixed.resolve("broken.png"), java.util.Arrays.copyOf(good, good.length / 2));

        ImageInputException local = org.junit.jupiter.api.Assertions.assertThrows(ImageInputException.class,
                () -> Fld.load(referenceFile).score(ImageSources.folder(mixed).build()));
        assertThatThrownBy(() -> SparkFld.using(reference).scoreFiles(spark, mixed.toString()))
                .isInstanceOfSatisfying(ImageInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(local.problem());
                    assertThat(e.input()).endsWith("broken.png");
                });

        FldScore localSkip = Fld.load(referenceFile).score(ImageSources.folder(mixed)
                .badInput(BadInputPolicy.SKIP).build());
        SparkFldScore skip = SparkFld.using(reference).badInput(BadInputPolicy.SKIP).scoreFiles(spark, mixed.toString());
        assertSameScore(localSkip, skip.score());
        // One folder: its files are named relative to it, as on one machine.
        assertThat(skip.score().perImage()).extracting(ImageScore::name)
                .containsExactlyInAnyOrderElementsOf(localSkip.perImage().stream().map(ImageScore::name).toList());
        assertThat(skip.score().inputReport().skipped()).hasSize(1);
        assertThat(skip.score().inputReport().skipped().get(0).input()).endsWith("broken.png");
        assertThat(skip.score().inputReport().skipped().get(0).problem())
                .isEqualTo(localSkip.inputReport().skipped().get(0).problem()).isIn(InputProblem.TRUNCATED,
                        InputProblem.CORRUPT);
        assertThat(skip.score().inputReport().imagesRead()).isEqualTo(60);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void assertSameScore(FldScore local, FldScore distributed) {
        assertThat(distributed.value()).isEqualTo(local.value());
        assertThat(distributed.interval()).isEqualTo(local.interval());
        assertThat(distributed.ratio()).isEqualTo(local.ratio());
        assertThat(distributed.bpdReal()).isEqualTo(local.bpdReal());
        assertThat(distributed.bpdGenerated()).isEqualTo(local.bpdGenerated());
        assertThat(distributed.flowValues()).isEqualTo(local.flowValues());
        assertThat(distributed.generatedCount()).isEqualTo(local.generatedCount());
        assertThat(distributed.realCount()).isEqualTo(local.realCount());
    }
}
