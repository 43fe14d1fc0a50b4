package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.cli.report.ReportFiles;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldScore;
import org.fld4j.metrics.fld.ImageScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld report}: the FLD report from a saved reference, and a Gaussian experiment's report from its folder. */
class ReportCommandTest {

    @TempDir
    static Path dir;

    static Path real;
    static Path generated;
    static Path ref;

    @BeforeAll
    static void trainReference() {
        real = FldCli.writePngs(dir.resolve("real"), 50, 1, 4, 8);
        generated = FldCli.writePngs(dir.resolve("generated"), 24, 2, 40, 8);
        ref = dir.resolve("ref.fld");
        FldCli.Run train = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--seed", "7", "-q");
        assertThat(train.code()).as(train.err()).isZero();
    }

    @Test
    void theFldReportHoldsTheLibrarysNumbersAndValidFiles() throws IOException {
        Path out = dir.resolve("report");
        FldCli.Run run = FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out", out.toString(),
                "--sweep", "additive-noise:8,32", "--sizes", "5,10", "--repeats", "3", "--thumbnails", "4",
                "--json", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        assertThat(result.get("report").asText()).isEqualTo(out.resolve("index.html").toString());

        // the same score, computed by the library directly
        FldScore expected = Fld.load(ref).score(ImageSources.folder(generated).build());
        JsonNode fld = result.get("fld");
        assertThat(fld.get("score").get("fld").asDouble()).isEqualTo(expected.value());
        assertThat(fld.get("score").get("lower").asDouble()).isEqualTo(expected.interval().lower());
        assertThat(fld.get("sweeps")).hasSize(1);
        assertThat(fld.get("sweeps").get(0).get("levels")).hasSize(2);
        assertThat(fld.get("sampleEfficiency").get("points")).hasSize(2);
        // the least likely images are those of highest bits/dim, ranked here from the library's per-image scores
        List<String> leastLikely = expected.perImage().stream()
                .sorted(Comparator.comparingDouble(ImageScore::bitsPerDim).reversed()).limit(4)
                .map(ImageScore::name).toList();
        assertThat(fld.get("leastLikely")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(fld.get("leastLikely").get(i).get("name").asText()).isEqualTo(leastLikely.get(i));
        }
        ReportFiles.assertValid(out);
    }

    @Test
    void theReportNeverGoesIntoAnInput() throws IOException {
        List<String> before = listing(generated);
        FldCli.Run into = FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                generated.toString(), "--force", "--no-sweep", "-q");
        assertThat(into.code()).isEqualTo(2);
        assertThat(into.err()).contains("overlaps the input");
        FldCli.Run inside = FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                generated.resolve("report").toString(), "--no-sweep", "-q");
        assertThat(inside.code()).isEqualTo(2);
        assertThat(listing(generated)).isEqualTo(before);
    }

    @Test
    void commandLineMistakesExitWithTwo() {
        assertThat(FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                dir.resolve("r1").toString(), "--sweep", "noise:1").code()).isEqualTo(2);
        assertThat(FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                dir.resolve("r2").toString(), "--sweep", "blur:1", "--no-sweep").code()).isEqualTo(2);
        assertThat(FldCli.run("report", "--experiment", dir.toString(), generated.toString(), "--out",
                dir.resolve("r3").toString()).code()).isEqualTo(2);
        assertThat(FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                dir.resolve("r4").toString(), "--thumbnails", "99").code()).isEqualTo(2);
        // the interval options are checked as fld score checks them, before any image is read
        assertThat(FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                dir.resolve("r6").toString(), "--bootstrap", "5").code()).isEqualTo(2);
        assertThat(FldCli.run("report", "--ref", ref.toString(), generated.toString(), "--out",
                dir.resolve("r7").toString(), "--confidence", "1.5").code()).isEqualTo(2);
        assertThat(dir.resolve("r1")).doesNotExist();
    }

    @Test
    void anExperimentFolderIsReportedAgain() throws IOException {
        Path lab = dir.resolve("lab");
        FldCli.Run experiment = FldCli.run("-q", "experiment", "gaussian", "--dims", "2", "--families", "affine",
                "--scales", "1", "--shifts", "0,0.5", "--samples", "100", "--training-samples", "200",
                "--kde-points", "8", "--workers", "1", "--flow-preset", "epochs=1", "--out", lab.toString());
        assertThat(experiment.code()).as(experiment.err()).isZero();
        Path out = dir.resolve("lab-report");
        FldCli.Run run = FldCli.run("report", "--experiment", lab.toString(), "--out", out.toString(), "--json", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        ReportFiles.assertValid(out);
        // the same figures as the report the experiment wrote itself
        try (Stream<Path> a = Files.list(out); Stream<Path> b = Files.list(lab.resolve("report"))) {
            assertThat(a.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(b.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertThat(FldCli.run("report", "--experiment", dir.resolve("nothing").toString(), "--out",
                dir.resolve("r5").toString()).code()).isEqualTo(3);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }
}
