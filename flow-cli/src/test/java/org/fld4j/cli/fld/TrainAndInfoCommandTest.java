package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fld4j.cli.JsonSchemaCheck;
import org.fld4j.cli.common.Version;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld train} and {@code fld info} on 50 gray 8x8 PNGs; one reference is trained and shared. */
class TrainAndInfoCommandTest {

    @TempDir
    static Path dir;
    static Path real;
    static Path ref;
    static FldCli.Run trained;
    static String fingerprint;

    @BeforeAll
    static void train() {
        real = FldCli.writePngs(dir.resolve("real"), 50, 21, 10, 8);
        fingerprint = Fingerprinter.fingerprint(ImageSources.folder(real).build()).fingerprint().sha256();
        ref = dir.resolve("refs").resolve("ref.fld");
        trained = FldCli.run("train", real.toString(), "--out", ref.toString(), "--preset", "small", "--epochs", "1",
                "--batch", "16", "--seed", "7", "--held-out", "0.3", "--time-budget", "1m30s", "--json");
    }

    @Test
    void trainSavesTheReferenceAndDescribesItInJson() throws IOException {
        assertThat(trained.code()).as(trained.err()).isZero();
        JsonSchemaCheck.assertValid(trained.out());
        JsonNode doc = FldCli.json(trained.out());
        assertThat(doc.get("command").asText()).isEqualTo("train");
        JsonNode reference = doc.get("result").get("reference");
        FldReference saved = Fld.load(ref).reference();
        // 50 images, 30% held out: 15; 35 left for training
        assertThat(saved.heldOutNames()).hasSize(15);
        assertThat(saved.trainingImages()).isEqualTo(35);
        assertThat(saved.realFingerprint()).isEqualTo(fingerprint);
        assertThat(saved.options().seed()).isEqualTo(7);
        assertThat(reference.get("heldOutImages").asInt()).isEqualTo(15);
        assertThat(reference.get("trainingImages").asInt()).isEqualTo(35);
        assertThat(reference.get("realFingerprint").asText()).isEqualTo(fingerprint);
        assertThat(reference.get("heldOutBitsPerDim").asDouble()).isEqualTo(saved.heldOutBitsPerDim());
        assertThat(reference.get("imageShape").toString()).isEqualTo("[1,8,8]");
        assertThat(reference.get("dimension").asInt()).isEqualTo(64);
        assertThat(reference.get("trainingRun").get("epochs").asInt()).isEqualTo(1);
        assertThat(doc.get("result").get("file").asText()).isEqualTo(ref.toString());
        assertThat(doc.get("provenance").get("seed").asLong()).isEqualTo(7);
        assertThat(doc.get("provenance").get("options").get("heldOutFraction").asDouble()).isEqualTo(0.3);
        assertThat(reference.get("options").get("timeBudgetSeconds").asLong()).isEqualTo(90);
        assertThat(saved.options().timeBudget()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(trained.err()).contains("reference flow epoch 1");
    }

    @Test
    void trainRefusesToOverwriteUnlessForced() throws IOException {
        Path out = dir.resolve("once.fld");
        Files.copy(ref, out);
        byte[] before = Files.readAllBytes(out);
        FldCli.Run refused = FldCli.run("train", real.toString(), "--out", out.toString(), "--preset", "small",
                "--epochs", "1");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains(out.toString()).contains("--force").doesNotContain("epoch");
        assertThat(Files.readAllBytes(out)).isEqualTo(before);

        FldCli.Run forced = FldCli.run("train", real.toString(), "--out", out.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16", "--seed", "3", "--force", "-q");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Fld.load(out).options().seed()).isEqualTo(3);
    }

    @Test
    void trainNeverWritesOverOrIntoAnInput() {
        Path image = real.resolve("img-000.png");
        FldCli.Run over = FldCli.run("train", real.toString(), "--out", image.toString(), "--force");
        assertThat(over.code()).isEqualTo(2);
        FldCli.Run into = FldCli.run("train", real.toString(), "--out", real.resolve("ref.fld").toString());
        assertThat(into.code()).isEqualTo(2);
        assertThat(into.err()).contains("inside the input folder");
        assertThat(Files.exists(real.resolve("ref.fld"))).isFalse();
    }

    @Test
    void trainHumanSummaryNamesTheFileAndCounts() {
        Path out = dir.resolve("human.fld");
        FldCli.Run run = FldCli.run("train", real.toString(), "--out", out.toString(), "--preset", "small",
                "--epochs", "1", "--batch", "16");
        assertThat(run.code()).as(run.err()).isZero();
        // default held-out share 0.2: 10 of 50
        assertThat(run.out()).contains("saved to").contains(out.toString()).contains("50: 40 for training, 10 held out")
                .doesNotContain("epoch 1/1");
    }

    @Test
    void trainingThatDivergesExitsWithFive() {
        // Glow's ActNorm layers are initialised from the first batch; with one image per batch the last level
        // (1x1 pixels at 8x8) has no spread to standardise, its scales are huge and the loss overflows.
        Path out = dir.resolve("diverged.fld");
        FldCli.Run run = FldCli.run("train", real.toString(), "--out", out.toString(), "--preset", "glow",
                "--batch", "1", "--epochs", "1", "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(5);
        assertThat(run.err()).contains("diverged");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void infoPrintsThePresetAndFingerprint() throws IOException {
        FldCli.Run human = FldCli.run("info", ref.toString());
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out()).contains("small").contains(fingerprint).contains("50: 35 for training, 15 held out");
        FldCli.Run json = FldCli.run("info", ref.toString(), "--json");
        assertThat(json.code()).isZero();
        JsonSchemaCheck.assertValid(json.out());
        JsonNode result = FldCli.json(json.out()).get("result");
        assertThat(result.get("reference").get("preset").asText()).isEqualTo("small");
        assertThat(result.get("reference").get("realFingerprint").asText()).isEqualTo(fingerprint);
        assertThat(result.get("reference").get("options").get("seed").asInt()).isEqualTo(7);
        assertThat(result.get("reference").get("parameters").asLong())
                .isEqualTo(Fld.load(ref).reference().flow().parameterCount());
        assertThat(result.get("fld4jVersion").asText()).isEqualTo(Version.fld4j());
        assertThat(result.get("writtenBy").asText()).isEqualTo(Version.fld4j());
        assertThat(human.out()).contains("written by").contains("fld4j " + Version.fld4j());
    }

    @Test
    void infoOnAFileThatIsNotAReferenceExitsWithThree() throws IOException {
        Path notReference = Files.writeString(dir.resolve("notes.fld"), "hello");
        FldCli.Run run = FldCli.run("info", notReference.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains(notReference.toString());
        assertThat(run.out()).isEmpty();
        FldCli.Run image = FldCli.run("info", real.resolve("img-001.png").toString());
        assertThat(image.code()).isEqualTo(3);
        FldCli.Run missing = FldCli.run("info", dir.resolve("missing.fld").toString());
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("does not exist");
    }
}
