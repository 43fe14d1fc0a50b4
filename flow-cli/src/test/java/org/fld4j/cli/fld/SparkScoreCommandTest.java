package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.fld4j.cli.JsonSchemaCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fld score --spark local[2]} gives the result {@code fld score} gives on this machine, bit for bit, with the
 * Spark job in the provenance; and says what is wrong with options that do not go together.
 */
class SparkScoreCommandTest {

    @TempDir
    static Path dir;
    static Path ref;
    static Path generated;

    @BeforeAll
    static void trainReference() {
        Path real = FldCli.writePngs(dir.resolve("real"), 60, 1, 10, 8);
        generated = FldCli.writePngs(dir.resolve("generated"), 30, 2, 40, 8);
        ref = dir.resolve("ref.fld");
        FldCli.Run train = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "-q");
        assertThat(train.code()).as(train.err()).isZero();
    }

    @Test
    void aSparkJobGivesThisMachinesScoreBitForBit() throws IOException {
        FldCli.Run here = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--json", "-q");
        FldCli.Run there = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--json", "-q",
                "--spark", "local[2]", "--partitions", "3");
        assertThat(there.code()).as(there.err()).isZero();
        JsonSchemaCheck.assertValid(there.out());
        JsonNode a = FldCli.json(here.out()).get("result");
        JsonNode b = FldCli.json(there.out()).get("result");
        for (String field : new String[] {"fld", "ratio", "bpdReal", "bpdGenerated", "generated", "interval"}) {
            assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
        }
        JsonNode spark = FldCli.json(there.out()).get("provenance").get("spark");
        assertThat(spark.get("master").asText()).isEqualTo("local[2]");
        assertThat(spark.get("partitions").asInt()).isEqualTo(3);
        assertThat(spark.get("executors").asInt()).isEqualTo(1);
        assertThat(FldCli.json(here.out()).get("provenance").has("spark")).isFalse();
    }

    @Test
    void efficiencyAndReportOnSparkGiveThisMachinesNumbers() throws IOException {
        FldCli.Run here = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes", "10,20",
                "--json", "-q");
        FldCli.Run there = FldCli.run("efficiency", "--ref", ref.toString(), generated.toString(), "--sizes",
                "10,20", "--json", "-q", "--spark", "local[2]");
        assertThat(there.code()).as(there.err()).isZero();
        JsonSchemaCheck.assertValid(there.out());
        assertThat(FldCli.json(there.out()).get("result")).isEqualTo(FldCli.json(here.out()).get("result"));
        assertThat(FldCli.json(there.out()).get("provenance").get("spark").get("master").asText())
                .isEqualTo("local[2]");

        String[] common = {"report", "--ref", ref.toString(), generated.toString(), "--sweep",
                "additive-noise:8,32", "--sizes", "10,20", "--thumbnails", "2", "--json", "-q"};
        FldCli.Run reportHere = FldCli.run(concat(common, "--out", dir.resolve("report-here").toString()));
        FldCli.Run reportThere = FldCli.run(concat(common, "--out", dir.resolve("report-there").toString(),
                "--spark", "local[2]"));
        assertThat(reportThere.code()).as(reportThere.err()).isZero();
        JsonSchemaCheck.assertValid(reportThere.out());
        // Every number equal; a thumbnail's index is its position among the scored images, which a Spark job lists
        // in the order its parts were merged, so the images are compared by name.
        assertThat(withoutThumbnailIndex(FldCli.json(reportThere.out()).get("result").get("fld")))
                .isEqualTo(withoutThumbnailIndex(FldCli.json(reportHere.out()).get("result").get("fld")));
    }

    private static JsonNode withoutThumbnailIndex(JsonNode fld) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) fld.deepCopy();
        for (String list : new String[] {"leastLikely", "mostLikely"}) {
            for (JsonNode thumbnail : copy.get(list)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) thumbnail).remove("index");
            }
        }
        return copy;
    }

    private static String[] concat(String[] first, String... more) {
        String[] out = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        FldCli.Run partitions = FldCli.run("score", "--ref", ref.toString(), generated.toString(), "--partitions",
                "2");
        assertThat(partitions.code()).isEqualTo(2);
        assertThat(partitions.err()).contains("--partitions").contains("--spark");
        FldCli.Run dual = FldCli.run("score", dir.resolve("real").toString(), generated.toString(), "--dual",
                "--spark", "local[2]");
        assertThat(dual.code()).isEqualTo(2);
        assertThat(dual.err()).contains("--spark").contains("--dual");
    }
}
