package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.junit.jupiter.api.Test;

/**
 * A Gaussian lab document written before the JSON code moved to Jackson ({@code src/test/resources/golden/lab.json},
 * written by the hand-written writer from a tiny run: a trained and an untrained-validation preset, nulls for values
 * that were not finite) reads back and writes again byte for byte. A run's timings differ from run to run, so the
 * document is compared through what it holds rather than by running the lab again.
 * Run with {@code -Dfld4j.writeGolden=<folder>} to write the file again.
 */
class GoldenLabJsonTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/lab.json");

    @Test
    void writeGoldenFileWhenAsked() throws IOException {
        String target = System.getProperty("fld4j.writeGolden");
        if (target == null) {
            return;
        }
        FlowPreset validated = FlowPreset.forDimension(2).withBudget(2, Duration.ofSeconds(60));
        FlowPreset unvalidated = new FlowPreset(2, 4, 1, Mixing.REVERSE, 1e-3, 5, 64, 2,
                Duration.ofMillis(45_123).plusNanos(456_789), 0.0, 1);
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(2, 3).scales(0.5).shifts(0.25)
                .families(TestFamily.AFFINE).testSamples(200).trainingSamples(200).kdePoints(8)
                .bandwidthRule(BandwidthRule.SCOTT).seed(3).workers(1).preset(2, validated).preset(3, unvalidated)
                .build();
        Files.createDirectories(Path.of(target));
        new GaussianLab(options).run().writeJson(Path.of(target, "lab.json"));
    }

    @Test
    void theOldDocumentReadsBackAndWritesAgainByteForByte() throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN);
        GaussianLabResult read = GaussianLabResult.readJson(GOLDEN);
        assertThat(read.toJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(read.dimensions().get(1).training().bestValidationLoss()).isNaN();
        assertThat(GaussianLabResult.fromJson(read.toJson(), "again")).isEqualTo(read);
    }
}
