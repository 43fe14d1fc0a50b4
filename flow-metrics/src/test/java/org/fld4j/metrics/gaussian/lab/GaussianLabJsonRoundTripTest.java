package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GaussianLabResult#readJson} reads back exactly what {@link GaussianLabResult#writeJson} wrote, and names
 * the file and the field when it cannot.
 */
class GaussianLabJsonRoundTripTest {

    @TempDir
    static Path dir;

    private static GaussianLabResult result;
    private static Path file;
    private static String text;

    @BeforeAll
    static void runATinyGrid() throws IOException {
        // Two dimensions with explicit presets, one of them without validation (its validation losses are NaN,
        // written as null), a non-default bandwidth rule and mixing: every kind of field appears in the file.
        FlowPreset validated = FlowPreset.forDimension(2).withBudget(2, Duration.ofSeconds(60));
        FlowPreset unvalidated = new FlowPreset(2, 8, 1, Mixing.REVERSE, 1e-3, 5, 64, 2,
                Duration.ofMillis(45_123).plusNanos(456_789), 0.0, 1);
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(2, 3).scales(0.5, 1.0).shifts(0.0, 0.5)
                .families(TestFamily.AFFINE, TestFamily.OUTLIER).perturbation(0.2, 0.3).testSamples(300)
                .trainingSamples(400).kdePoints(16).bandwidthRule(BandwidthRule.SCOTT).seed(3).workers(1)
                .preset(2, validated).preset(3, unvalidated).build();
        result = new GaussianLab(options).run();
        file = dir.resolve("lab.json");
        result.writeJson(file);
        text = Files.readString(file);
    }

    @Test
    void everyFieldComesBackEqual() throws IOException {
        GaussianLabResult read = GaussianLabResult.readJson(file);
        assertThat(read.dimensions().get(1).training().bestValidationLoss()).isNaN();
        assertThat(read.dimensions().get(1).training().epochs().get(0).validationLoss()).isNaN();
        assertThat(read.options().presets().get(3).timeBudget()).isEqualTo(Duration.ofMillis(45_123).plusNanos(456_789));
        // field by field, arrays element by element, doubles exactly (NaN equal to NaN), with the types of the
        // original (an Integer stays an Integer)
        assertThat(read).usingRecursiveComparison().withStrictTypeChecking()
                .withComparatorForType(Double::compare, Double.class).isEqualTo(result);
        // and by the records' own equality, curves included
        assertThat(read).isEqualTo(result);
        assertThat(read.curves()).hasSize(16).isEqualTo(result.curves());
        assertThat(read.rows()).hasSize(16).isEqualTo(result.rows());
        assertThat(read.dimensions()).isEqualTo(result.dimensions());
        assertThat(read.options()).isEqualTo(result.options());
    }

    @Test
    void aChangedCurvePointIsNoticed(@TempDir Path other) throws IOException {
        String density = Double.toString(result.curves().get(5).modelLogLikelihood().density()[7]);
        assertThat(text).contains(density);
        Path changed = other.resolve("changed.json");
        Files.writeString(changed, text.replace(density, "0.125"), StandardCharsets.UTF_8);
        assertThat(GaussianLabResult.readJson(changed)).isNotEqualTo(result);
    }

    @Test
    void errorsNameTheFileAndTheField(@TempDir Path other) throws IOException {
        Path wrongType = other.resolve("wrong-type.json");
        Files.writeString(wrongType, text.replaceFirst("\"cross_entropy\": [-0-9.E]+", "\"cross_entropy\": \"x\""));
        assertThatThrownBy(() -> GaussianLabResult.readJson(wrongType)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(wrongType.toString()).hasMessageContaining("rows[0].cross_entropy")
                .hasMessageContaining("expected a number");

        Path missing = other.resolve("missing.json");
        Files.writeString(missing, text.replaceFirst("\"kdePoints\"", "\"kdePointz\""));
        assertThatThrownBy(() -> GaussianLabResult.readJson(missing)).hasMessageContaining(missing.toString())
                .hasMessageContaining("options").hasMessageContaining("\"kdePoints\"");

        Path invalid = other.resolve("invalid.json");
        Files.writeString(invalid, text.replaceFirst("\"testSamples\": 300", "\"testSamples\": 1"));
        assertThatThrownBy(() -> GaussianLabResult.readJson(invalid)).hasMessageContaining(invalid.toString())
                .hasMessageContaining("field options").hasMessageContaining("testSamples");

        Path family = other.resolve("family.json");
        Files.writeString(family, text.replaceFirst("\"family\": \"affine\"", "\"family\": \"sideways\""));
        assertThatThrownBy(() -> GaussianLabResult.readJson(family)).hasMessageContaining("rows[0].family")
                .hasMessageContaining("affine, perturbed, outlier");

        Path notLab = other.resolve("not-lab.json");
        Files.writeString(notLab, "{\"format\": \"fld4j-flow\", \"version\": 1}");
        assertThatThrownBy(() -> GaussianLabResult.readJson(notLab)).hasMessageContaining("field format")
                .hasMessageContaining("not a Gaussian lab result");

        Path truncated = other.resolve("truncated.json");
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> GaussianLabResult.readJson(truncated)).hasMessageContaining(truncated.toString())
                .hasMessageContaining("not a JSON document");
    }
}
