package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.cli.common.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference card in {@code fld info} (text and JSON) and in {@code fld score --json}: a reference trained with
 * a description and a resize shows them with its recipe and software; a file written before cards shows what its
 * other fields tell and "not recorded" for the rest.
 */
class ReferenceCardCommandTest {

    /** Written before cards existed (flow-metrics' compatibility fixture, format version 2). */
    static final Path OLD = Path.of("../flow-metrics/src/test/resources/golden/reference.fld");
    /** {@code sha256sum} of {@link #OLD}. */
    static final String OLD_HASH = "sha256:0d636bc81449d6114df2112335b331f59cafff922983d930945a246335929719";

    @TempDir
    static Path dir;
    static Path real;
    static Path ref;

    @BeforeAll
    static void train() {
        real = FldCli.writePngs(dir.resolve("real"), 40, 5, 10, 10);
        ref = dir.resolve("ref.fld");
        FldCli.Run trained = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "--seed", "4", "--resize", "8x8", "--filter", "bicubic",
                "--description", "  forty waves, seed 5  ", "-q");
        assertThat(trained.code()).as(trained.err()).isZero();
    }

    @Test
    void infoShowsTheCardOfANewReference() throws Exception {
        String hash = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(ref)));
        FldCli.Run info = FldCli.run("info", ref.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("content hash").contains(hash)
                .contains("forty waves, seed 5")
                .contains("channels keep, resize to 8x8 with the bicubic filter")
                .contains("learning rate").contains("at most 1 epoch or").contains("batch 16")
                .contains("4 (1 flow)")
                .contains("fld4j " + Version.fld4j() + ", ND4J 1.0.0-M2.1, Java " + System.getProperty("java.version"))
                .doesNotContain("not recorded");

        FldCli.Run json = FldCli.run("info", ref.toString(), "--json");
        JsonSchemaCheck.assertValid(json.out());
        JsonNode card = FldCli.json(json.out()).get("result").get("reference").get("card");
        assertThat(card.get("contentHash").asText()).isEqualTo(hash);
        assertThat(card.get("recorded").asBoolean()).isTrue();
        assertThat(card.get("description").asText()).isEqualTo("forty waves, seed 5");
        assertThat(card.get("imageShape").toString()).isEqualTo("[1,8,8]");
        assertThat(card.get("preprocessing").toString())
                .isEqualTo("{\"channels\":\"keep\",\"size\":\"resize\",\"height\":8,\"width\":8,\"filter\":\"bicubic\"}");
        assertThat(card.get("recipe").get("seeds").toString()).isEqualTo("[4]");
        assertThat(card.get("recipe").get("maxEpochs").asInt()).isEqualTo(1);
        assertThat(card.get("software").get("nd4j").asText()).isEqualTo("1.0.0-M2.1");
    }

    @Test
    void scoreJsonCarriesTheCard() {
        FldCli.Run score = FldCli.run("score", "--ref", ref.toString(), real.toString(), "--resize", "8x8", "--json",
                "-q");
        assertThat(score.code()).as(score.err()).isZero();
        JsonSchemaCheck.assertValid(score.out());
        JsonNode card = FldCli.json(score.out()).get("result").get("reference").get("card");
        assertThat(card.get("contentHash").asText()).startsWith("sha256:");
        assertThat(card.get("description").asText()).isEqualTo("forty waves, seed 5");
    }

    @Test
    void anOldFileShowsWhatItTellsAndNotRecordedForTheRest() {
        FldCli.Run info = FldCli.run("info", OLD.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains(OLD_HASH)
                .containsPattern("data +not recorded")
                .containsPattern("preprocessing +not recorded")
                .contains("optimiser and learning rate not recorded; at most")
                .contains("-5, 6 (2 flows)")
                .contains(", ND4J and Java not recorded");
        FldCli.Run json = FldCli.run("info", OLD.toString(), "--json");
        // not checked against the schema: the fixture's real fingerprint is a made-up short string
        JsonNode card = FldCli.json(json.out()).get("result").get("reference").get("card");
        assertThat(card.get("recorded").asBoolean()).isFalse();
        assertThat(card.get("contentHash").asText()).isEqualTo(OLD_HASH);
        assertThat(card.get("description").isNull()).isTrue();
        assertThat(card.get("preprocessing").isNull()).isTrue();
        assertThat(card.get("recipe").get("optimizer").isNull()).isTrue();
        assertThat(card.get("recipe").get("seeds").toString()).isEqualTo("[-5,6]");
        assertThat(card.get("realFingerprint").isNull()).isFalse();
    }

    @Test
    void aDescriptionOfSeveralLinesIsRefused() {
        FldCli.Run refused = FldCli.run("train", real.toString(), "--out", dir.resolve("x.fld").toString(),
                "--description", "a\nb");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--description").contains("U+000A");
    }
}
