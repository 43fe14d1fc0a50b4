package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.SampleEfficiency;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.fld4j.metrics.fld.SampleEfficiencyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld efficiency} on a saved reference (small preset, one epoch) and 24 generated 8x8 PNGs. */
class EfficiencyCommandTest {

    @TempDir
    static Path dir;
    static Path generated;
    static Path ref;

    @BeforeAll
    static void trainReference() {
        Path real = FldCli.writePngs(dir.resolve("real"), 40, 31, 10, 8);
        generated = FldCli.writePngs(dir.resolve("generated"), 24, 32, 30, 8);
        ref = dir.resolve("ref.fld");
        FldCli.Run run = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "-q");
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void jsonTableMatchesTheLibraryAndTheWholeSetSize() throws IOException {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes",
                "5,10,24,50", "--repeats", "6", "--seed", "9", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonSchemaCheck.assertValid(run.out());
        JsonNode result = FldCli.json(run.out()).get("result");
        Fld fld = Fld.load(ref);
        double full = fld.score(ImageSource.folder(generated).build()).value();
        assertThat(result.get("fullFld").asDouble()).isEqualTo(full);
        assertThat(result.get("seed").asLong()).isEqualTo(9);
        JsonNode points = result.get("points");
        assertThat(points).hasSize(3);
        // size 24 is the whole set: every subset is all the images, so each FLD is the full one
        JsonNode whole = points.get(2);
        assertThat(whole.get("size").asInt()).isEqualTo(24);
        assertThat(whole.get("mean").asDouble()).isCloseTo(full, within(1e-12));
        assertThat(whole.get("std").asDouble()).isCloseTo(0, within(1e-12));
        assertThat(result.get("notes").get(0).asText()).contains("size 50");

        SampleEfficiencyResult expected = SampleEfficiency.of(fld)
                .options(new SampleEfficiencyOptions(new int[] {5, 10, 24, 50}, 6, 9, false))
                .run(ImageSource.folder(generated).build());
        for (int i = 0; i < 2; i++) {
            SampleEfficiencyPoint p = expected.points().get(i);
            assertThat(points.get(i).get("mean").asDouble()).isEqualTo(p.mean());
            assertThat(points.get(i).get("std").asDouble()).isEqualTo(p.std());
            assertThat(points.get(i).get("q95").asDouble()).isEqualTo(p.q95());
        }
    }

    @Test
    void humanTableHasOneRowPerSize() {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "5,10",
                "--repeats", "3");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.matches("\\s+(5|10)\\s+3\\s.*"))).hasSize(2);
        assertThat(run.out()).startsWith("FLD ").doesNotContain("scoring");
    }

    @Test
    void sizesAllAboveTheSetExitWithFour() {
        FldCli.Run run = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "100,200",
                "--repeats", "3");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.err()).contains("24 usable images").contains("100");
    }

    @Test
    void badDrawOptionsExitWithTwo() {
        assertThat(FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "10,5").code())
                .isEqualTo(2);
        assertThat(FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--repeats", "1").code())
                .isEqualTo(2);
        FldCli.Run huge = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--repeats",
                "2000000000");
        assertThat(huge.code()).isEqualTo(2);
        assertThat(huge.err()).contains("--repeats 2000000000").contains("to 10000");
    }
}
