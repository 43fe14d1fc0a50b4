package org.fld4j.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fld4j.cli.CommandLineRun;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.gaussian.lab.LabRow;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.fld4j.cli.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld experiment gaussian} on tiny grids: the files it writes read back, and the options reach the lab. */
class GaussianExperimentTest {

    @TempDir
    Path root;

    @Test
    void theWrittenFilesReadBackEqualToTheResultInMemory() throws IOException {
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(2).families(TestFamily.AFFINE,
                        TestFamily.OUTLIER).scales(1.0).shifts(0.0, 0.5).testSamples(200).trainingSamples(300)
                .kdePoints(16).workers(1).preset(2, FlowPreset.forDimension(2).withBudget(2, Duration.ofMinutes(1)))
                .build();
        Path out = Files.createDirectory(root.resolve("lab"));
        GaussianLabResult result = GaussianExperiment.run(options, out);

        GaussianLabResult read = GaussianExperimentFiles.read(out);
        assertThat(read).isEqualTo(result);
        assertThat(GaussianExperimentFiles.resultFile(out)).isEqualTo(out.resolve("gaussian-lab.json"));
        assertThat(Files.readAllLines(out.resolve(GaussianExperimentFiles.TABLE_CSV))).hasSize(1 + 4);
        // 2 reference curves and 2 per cell, 16 points each, under a header
        assertThat(Files.readAllLines(out.resolve(GaussianExperimentFiles.CURVES_CSV))).hasSize(1 + (2 + 2 * 4) * 16);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("gaussian-lab-curves.csv", "gaussian-lab.csv", "gaussian-lab.json");
        }
    }

    @Test
    void theCommandLineRunsTheGridItNamesAndSummarisesIt() throws IOException {
        Path out = root.resolve("cli");
        CommandLineRun run = CommandLineRun.of("-q", "experiment", "gaussian", "--dims", "3", "--families", "affine",
                "--scales", "0.5,1", "--shifts", "0", "--samples", "150", "--training-samples", "250",
                "--kde-points", "8", "--workers", "1", "--flow-preset", "epochs=2,time=1m", "--flow-preset",
                "3:hidden=8", "--bandwidth", "scott", "--alpha", "0.2", "--seed", "4", "--out", out.toString(),
                "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("command").asText()).isEqualTo("experiment gaussian");
        JsonNode result = json.get("result");
        assertThat(result.get("cells").asInt()).isEqualTo(2);
        assertThat(result.get("out").asText()).isEqualTo(out.toAbsolutePath().toString());

        GaussianLabResult read = GaussianLabResult.readJson(out.resolve(result.get("files").get("result").asText()));
        // the report beside the results: its figures decode and its page links only files that exist
        assertThat(out.resolve(result.get("files").get("report").asText())).isRegularFile();
        ReportFiles.assertValid(out.resolve(GaussianExperimentFiles.REPORT_FOLDER));
        GaussianLabOptions o = read.options();
        assertThat(o.dimensions()).containsExactly(3);
        assertThat(o.families()).containsExactly(TestFamily.AFFINE);
        assertThat(o.scales()).containsExactly(0.5, 1.0);
        assertThat(o.shifts()).containsExactly(0.0);
        assertThat(o.testSamples()).isEqualTo(150);
        assertThat(o.trainingSamples()).isEqualTo(250);
        assertThat(o.kdePoints()).isEqualTo(8);
        assertThat(o.bandwidthRule()).isEqualTo(BandwidthRule.SCOTT);
        assertThat(o.alpha()).isEqualTo(0.2);
        assertThat(o.beta()).isEqualTo(GaussianLabOptions.defaults().beta());
        assertThat(o.seed()).isEqualTo(4);
        FlowPreset preset = o.presets().get(3);
        assertThat(preset).isEqualTo(FlowPreset.forDimension(3).withBudget(2, Duration.ofMinutes(1)).withHiddenWidth(8));

        // The summary is what the read-back rows give, computed here independently.
        JsonNode fit = result.get("dimensions").get(0);
        assertThat(fit.get("epochs").asInt()).isEqualTo(read.dimensions().get(0).training().epochs().size())
                .isBetween(1, 2);
        assertThat(fit.get("gap").asDouble()).isCloseTo(read.dimensions().get(0).referenceModelCrossEntropy()
                - read.dimensions().get(0).entropy(), within(1e-12));
        JsonNode family = result.get("families").get(0);
        List<LabRow> rows = read.rows();
        assertThat(family.get("cells").asInt()).isEqualTo(2);
        assertThat(family.get("meanTnrModel").asDouble()).isCloseTo(
                (rows.get(0).modelTrueNegativeRate() + rows.get(1).modelTrueNegativeRate()) / 2, within(1e-12));
        assertThat(family.get("maxAbsModelUnderestimation").asDouble()).isCloseTo(Math.max(
                Math.abs(rows.get(0).modelUnderestimation()), Math.abs(rows.get(1).modelUnderestimation())),
                within(1e-12));
        assertThat(family.get("modelFindsMoreLikely").asInt())
                .isEqualTo((int) rows.stream().filter(r -> r.crossEntropyEstimate() > r.modelCrossEntropy()).count());
    }

    @Test
    void theHumanSummaryHasOneLinePerDimensionAndFamily() {
        Path out = root.resolve("text");
        CommandLineRun run = CommandLineRun.of("-q", "experiment", "gaussian", "--dims", "2", "--families",
                "perturbed,outlier", "--scales", "1", "--shifts", "0", "--samples", "100", "--training-samples",
                "200", "--kde-points", "8", "--flow-preset", "epochs=1", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("H(p,p_θ)").contains("gaussian-lab.csv");
        assertThat(run.out().lines().filter(l -> l.matches("\\s+2\\s+(perturbed|outlier)\\s+1\\s.*"))).hasSize(2);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void wrongOptionsAreUsageErrorsAndNothingRuns() throws IOException {
        Path out = root.resolve("bad");
        String[][] lines = {
            {"--dims", "2", "--flow-preset", "colour=red"},
            {"--dims", "2", "--flow-preset", "7:epochs=1"},
            {"--dims", "2", "--flow-preset", "epochs=-1"},
            {"--dims", "2", "--samples", "1"},
            {"--dims", "1"},
            {"--dims", "2", "--families", "sideways"},
        };
        for (String[] line : lines) {
            List<String> args = new java.util.ArrayList<>(List.of("-q", "experiment", "gaussian", "--out",
                    out.toString()));
            args.addAll(List.of(line));
            CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
            assertThat(run.status()).as("%s: %s", List.of(line), run.err()).isEqualTo(2);
        }
        assertThat(Files.exists(out)).isFalse();

        Path full = Files.createDirectory(root.resolve("full"));
        Files.writeString(full.resolve("other.txt"), "x");
        assertThat(CommandLineRun.of("-q", "experiment", "gaussian", "--dims", "2", "--out", full.toString())
                .status()).isEqualTo(2);
        assertThat(CommandLineRun.of("-q", "experiment").status()).isEqualTo(2);
    }
}
