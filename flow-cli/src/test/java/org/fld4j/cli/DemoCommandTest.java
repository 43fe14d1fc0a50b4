package org.fld4j.cli;

import org.fld4j.cli.common.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.cli.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld demo} end to end with a short training (--epochs), in-process. */
class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void jsonResultIsValidAndNoiseRaisesFldAboveTheHeldOutRealImages() throws IOException {
        Path out = tmp.resolve("demo-report");
        MainTest.Run run = MainTest.run("demo", "--epochs", "2", "--seed", "3", "--out", out.toString(),
                "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("command").asText()).isEqualTo("demo");
        JsonNode result = doc.get("result");
        assertThat(result.at("/reference/preset").asText()).isEqualTo("small");
        // three flows on 1,500 images, each holding out its own 300
        assertThat(result.at("/reference/heldOutImages").asInt()).isEqualTo(300);
        assertThat(result.at("/reference/flows").asInt()).isEqualTo(3);
        assertThat(result.get("intervalCovers").asText()).isEqualTo("images-and-training");
        assertThat(result.at("/otherSplit/images").asInt()).isEqualTo(500);
        JsonNode rows = result.get("rows");
        assertThat(rows).hasSize(13);
        List<String> kinds = new ArrayList<>();
        rows.forEach(r -> kinds.add(r.get("distortion").asText()));
        assertThat(kinds).containsExactly("none", "additive-noise", "additive-noise", "additive-noise",
                "salt-and-pepper", "salt-and-pepper", "salt-and-pepper", "occlusion", "occlusion", "occlusion",
                "blur", "blur", "blur");
        JsonNode none = rows.get(0);
        JsonNode strongestNoise = rows.get(3);
        assertThat(strongestNoise.get("level").asDouble()).isEqualTo(32.0);
        assertThat(none.get("images").asInt()).isEqualTo(500);
        assertThat(strongestNoise.get("fld").asDouble()).isGreaterThan(none.get("fld").asDouble());
        assertThat(strongestNoise.get("lower").asDouble()).isGreaterThan(none.get("upper").asDouble());
        assertThat(doc.at("/provenance/seed").asLong()).isEqualTo(3);

        assertThat(result.get("report").asText()).isEqualTo(out.resolve("index.html").toAbsolutePath().toString());
        assertThat(ReportFiles.assertValid(out)).contains("likelihoods.png", "bootstrap.png", "sample-efficiency.png",
                "distortions.png", "least-likely.png", "most-likely.png");
        // the report shows the numbers the JSON has
        JsonNode numbers = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertThat(numbers.at("/result/fld/score/fld").asDouble()).isEqualTo(none.get("fld").asDouble());
        assertThat(numbers.at("/provenance/seed").asLong()).isEqualTo(3);
        assertThat(run.err()).contains("report: ");
    }

    @Test
    void theTableHasOneLinePerLevelAndTheReportReplacesAnEarlierOne() throws IOException {
        Path out = tmp.resolve("report");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".fld4j-report"), "fld4j report; files written:\nold-figure.png\n");
        Files.writeString(out.resolve("old-figure.png"), "an earlier report's figure");
        MainTest.Run run = MainTest.run("demo", "--epochs", "1", "--out", out.toString(), "-q");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("fld4j demo: small flow for 1x28x28 images");
        assertThat(lines).anyMatch(l -> l.matches("distortion\\s+level\\s+FLD\\s+95% interval\\s+bpd"));
        assertThat(lines).filteredOn(l -> l.matches("(none|additive-noise|salt-and-pepper|occlusion|blur)\\s.*"))
                .hasSize(13);
        assertThat(lines).anyMatch(l -> l.startsWith("FLD rises at every level: additive-noise "));
        assertThat(run.out()).doesNotContain("NaN");
        assertThat(out.resolve("old-figure.png")).doesNotExist();
        ReportFiles.assertValid(out);
    }

    @Test
    void aFolderOfOtherFilesIsRefusedBeforeTraining() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(out.resolve("cat.jpg"), "not ours");
        MainTest.Run run = MainTest.run("demo", "--out", out.toString());
        assertThat(run.status()).isEqualTo(ExitCode.USAGE.status());
        assertThat(run.err()).contains(out.toString()).contains("--force").doesNotContain("epoch");
        assertThat(run.out()).isEmpty();
        try (var files = Files.list(out)) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    @Test
    void aTimeBudgetMustBePositive() {
        MainTest.Run run = MainTest.run("demo", "--time-budget", "0s", "--out", tmp.resolve("r").toString());
        assertThat(run.status()).isEqualTo(ExitCode.USAGE.status());
        assertThat(run.err()).contains("not a positive duration");
        MainTest.Run noEpochs = MainTest.run("demo", "--epochs", "0", "--out", tmp.resolve("r").toString());
        assertThat(noEpochs.status()).isEqualTo(ExitCode.USAGE.status());
        assertThat(noEpochs.err()).contains("--epochs 0");
        assertThat(tmp.resolve("r")).doesNotExist();
    }
}
