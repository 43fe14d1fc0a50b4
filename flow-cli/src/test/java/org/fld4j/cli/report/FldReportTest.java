package org.fld4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.fld4j.cli.common.CliException;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.DistortionSweep;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.junit.jupiter.api.BeforeAll;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.cli.common.JsonResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An FLD report end to end on the Fashion-MNIST slice: a {@code small} flow trained for one epoch on 400 training
 * images (80 held out as R_test), 60 test images as the generated set.
 */
class FldReportTest {

    static Fld fld;
    static ImageSource generated;
    static FldReportOptions options;
    static FldReportData data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainAndAnalyse() {
        fld = Fld.of(ImageSources.subset(FashionMnistSlice.train(), IntStream.range(0, 400).toArray()))
                .preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32).timeBudget(Duration.ofMinutes(2))
                .bootstrapResamples(300).seed(5).train();
        generated = ImageSources.subset(FashionMnistSlice.test(), IntStream.range(0, 60).toArray());
        options = new FldReportOptions(List.of(DistortionLadder.of(DistortionKind.ADDITIVE_NOISE, 8, 32),
                DistortionLadder.of(DistortionKind.OCCLUSION, 0.2)), 3,
                new SampleEfficiencyOptions(new int[] {10, 20, 40, 100}, 5, 2, false), 3);
        data = FldReportAnalysis.compute(fld, generated, options);
    }

    @Test
    void theBootstrapReplicatesAreTheOnesBehindTheInterval() {
        double[] sorted = data.bootstrapReplicates();
        assertThat(sorted).hasSize(300);
        Arrays.sort(sorted);
        // p = (1 - c) / 2 as double arithmetic gives it (0.025000000000000022, not the literal 0.025), so
        // that the interpolation matches to the last bit.
        double tail = (1 - 0.95) / 2;
        assertThat(data.score().interval().lower()).isEqualTo(ReportChartsTest.type7(sorted, tail));
        assertThat(data.score().interval().upper()).isEqualTo(ReportChartsTest.type7(sorted, 1 - tail));
        assertThat(data.realLogLikelihoods()).containsExactly(fld.reference().heldOutLogLikelihoods());
        assertThat(data.realLogLikelihoods()).hasSize(80);
        assertThat(data.score().value()).isEqualTo(fld.score(generated).value());
    }

    /** The thumbnails are the argmax and argmin of bits per dimension, worked out from one forward pass here. */
    @Test
    void thumbnailsAreTheLeastAndMostLikelyImages() {
        FldReference reference = fld.reference();
        INDArray images;
        try (ImageBatchStream stream = new ImageBatchStream(generated, BatchOptions.of(60))) {
            images = stream.next().images();
        }
        double[] logp = reference.flow().logProb(images, reference.options().evaluation());
        double[] bpd = Arrays.stream(logp).map(l -> -l / (784 * Math.log(2))).toArray();
        List<Integer> order = IntStream.range(0, 60).boxed().sorted(Comparator.comparingDouble(i -> bpd[i])).toList();
        assertThat(data.mostLikely()).extracting(Thumbnail::index).containsExactlyElementsOf(order.subList(0, 3));
        assertThat(data.leastLikely()).extracting(Thumbnail::index)
                .containsExactly(order.get(59), order.get(58), order.get(57));
        for (Thumbnail t : data.leastLikely()) {
            assertThat(t.bitsPerDim()).isCloseTo(bpd[t.index()], within(1e-6));
            assertThat(t.image()).isEqualTo(generated.read(t.index()).image());
            assertThat(t.name()).isEqualTo(generated.id(t.index()).toString());
        }
        assertThat(data.mostLikely().get(0).image()).isEqualTo(generated.read(order.get(0)).image());
    }

    @Test
    void theSweepIsTheLibrarysSweepAndTheCurveLeavesOutSizesAboveTheSet() {
        DistortionSweepResult library = DistortionSweep.of(fld, DistortionKind.ADDITIVE_NOISE).levels(8, 32).seed(3)
                .run(generated);
        DistortionSweepResult ours = data.sweeps().get(0);
        assertThat(ours.kind()).isEqualTo(DistortionKind.ADDITIVE_NOISE);
        assertThat(ours.levels()).containsExactly(8.0, 32.0);
        assertThat(ours.undistorted().value()).isEqualTo(library.undistorted().value());
        assertThat(ours.scores()).extracting(FldScore::value)
                .containsExactlyElementsOf(library.scores().stream().map(FldScore::value).toList());
        assertThat(ours.scores().get(1).value()).isGreaterThan(ours.undistorted().value());
        assertThat(data.sweeps().get(1).kind()).isEqualTo(DistortionKind.OCCLUSION);

        assertThat(data.efficiency().points()).extracting(SampleEfficiencyPoint::size).containsExactly(10, 20, 40);
        assertThat(data.efficiency().notes()).singleElement().asString().contains("100");
        assertThat(data.efficiency().fullFld()).isCloseTo(data.score().value(), within(1e-12));
    }

    @Test
    void otherImagesCanBeSwept() {
        ImageSource other = ImageSources.subset(FashionMnistSlice.test(), IntStream.range(100, 130).toArray());
        FldReportData swept = FldReportAnalysis.compute(fld, generated, other, "thirty other images",
                options.withSweep(List.of(DistortionLadder.of(DistortionKind.GAUSSIAN_BLUR, 1.5))).withThumbnails(0));
        assertThat(swept.sweptImages()).isEqualTo("thirty other images");
        assertThat(swept.sweeps().get(0).undistorted().value()).isEqualTo(fld.score(other).value());
        assertThat(swept.sweeps().get(0).scores().get(0).generatedCount()).isEqualTo(30);
        assertThat(swept.leastLikely()).isEmpty();
        assertThatThrownBy(() -> FldReportAnalysis.compute(fld, generated, options.withSweep(List.of(
                DistortionLadder.of(DistortionKind.ADDITIVE_NOISE, 16, 8))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mild to strong");
    }

    @Test
    void theReportIsCompleteAndHoldsTheNumbers() throws IOException {
        Path dir = tmp.resolve("report");
        Path page = FldReportWriter.write(data, dir);
        assertThat(page).isEqualTo(dir.resolve("index.html").toAbsolutePath());
        List<String> linked = ReportFiles.assertValid(dir);
        assertThat(linked).containsExactlyInAnyOrder("likelihoods.png", "bootstrap.png", "sample-efficiency.png",
                "distortions.png", "least-likely.png", "most-likely.png");
        String html = Files.readString(page);
        assertThat(html).contains(ReportText.number(data.score().value(), 4))
                .contains(ReportText.interval(data.score().interval(), 4))
                .contains(data.leastLikely().get(0).name());
        String written = Files.readString(dir.resolve("result.json"));
        // the same envelope as every --json result: schema version, command, result and provenance
        JsonSchemaCheck.assertValid(written);
        JsonNode document = new ObjectMapper().readTree(written);
        assertThat(document.get("schemaVersion").asInt()).isEqualTo(JsonResults.SCHEMA_VERSION);
        assertThat(document.get("command").asText()).isEqualTo("report");
        assertThat(document.at("/provenance/fld4jVersion").asText()).isNotEmpty();
        assertThat(document.at("/result/report").asText()).isEqualTo(page.toAbsolutePath().toString());
        JsonNode numbers = document.at("/result/fld");
        assertThat(numbers.at("/score/fld").asDouble()).isEqualTo(data.score().value());
        assertThat(numbers.at("/sweeps/0/levels/1/fld").asDouble())
                .isEqualTo(data.sweeps().get(0).scores().get(1).value());
        assertThat(numbers.at("/leastLikely/0/index").asInt()).isEqualTo(data.leastLikely().get(0).index());
    }

    @Test
    void aForeignFolderIsRefusedAndAnEarlierReportReplaced() throws IOException {
        Path foreign = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(foreign.resolve("holiday.txt"), "mine");
        assertThatThrownBy(() -> FldReportWriter.write(data, foreign)).isInstanceOf(CliException.class)
                .hasMessageContaining("--force");
        try (var files = Files.list(foreign)) {
            assertThat(files.toList()).hasSize(1);
        }

        Path dir = tmp.resolve("report");
        FldReportWriter.write(data, dir);
        FldReportData bare = new FldReportData(data.score(), data.realLogLikelihoods(), data.bootstrapReplicates(),
                data.dimension(), data.efficiency(), List.of(), data.sweptImages(), List.of(), List.of(),
                data.generated(), data.reference());
        FldReportWriter.write(bare, dir);
        assertThat(ReportFiles.assertValid(dir)).containsExactlyInAnyOrder("likelihoods.png", "bootstrap.png",
                "sample-efficiency.png");
        assertThat(dir.resolve("distortions.png")).doesNotExist();
        assertThat(dir.resolve("least-likely.png")).doesNotExist();
    }
}
