package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.metrics.fld.FldReference;
import org.fld4j.metrics.fld.ReferenceCard;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.interop.TorchFlows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld import torch} on a small flow of the official layout, written as PyTorch's NPZ + JSON pair. */
class ImportTorchCommandTest {

    @TempDir
    static Path dir;
    static Flow flow;
    static Path exported;

    @BeforeAll
    static void export() throws IOException {
        flow = Flow.image(1, 8, 8).preset(ImagePreset.SMALL).seed(4).build();
        exported = dir.resolve("torch.npz");
        TorchFlows.export(flow, exported);
    }

    @Test
    void writesAFlowFileWithTheSameWeights() throws IOException {
        Path out = dir.resolve("flow.fld4j");

        FldCli.Run run = FldCli.run("import", "torch", exported.toString(), "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Flow.load(out).parameters().toDoubleVector()).containsExactly(flow.parameters().toDoubleVector());
    }

    @Test
    void withHeldOutImagesWritesAReference() throws IOException {
        Path real = FldCli.writePngs(dir.resolve("held-out"), 12, 5, 10, 8);
        Path out = dir.resolve("ref.fld");

        FldCli.Run run = FldCli.run("import", "torch", exported.toString(), "--held-out", real.toString(), "--out",
                out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        FldReference reference = Fld.load(out).reference();
        assertThat(reference.heldOutCount()).isEqualTo(12);
        assertThat(reference.trainingImages()).isZero();
        assertThat(reference.flow().parameters().toDoubleVector()).containsExactly(flow.parameters().toDoubleVector());
    }

    @Test
    void aReferenceCarriesTheCardItsImporterDeclares() throws IOException {
        Path real = FldCli.writePngs(dir.resolve("held-out-card"), 12, 5, 10, 8);
        Path out = dir.resolve("ref-card.fld");

        FldCli.Run run = FldCli.run("import", "torch", exported.toString(), "--held-out", real.toString(), "--out",
                out.toString(), "--description", "twelve waves, held out", "--optimizer", "adam", "--learning-rate",
                "0.0005");

        assertThat(run.code()).as(run.err()).isZero();
        ReferenceCard card = Fld.load(out).reference().card().orElseThrow();
        assertThat(card.realSet().text()).isEqualTo("twelve waves, held out");
        assertThat(card.realSet().preprocessing()).isEqualTo(Preprocessing.none());
        assertThat(card.optimizer()).isEqualTo("adam");
        assertThat(card.learningRate()).isEqualTo(5e-4);
        assertThat(card.nd4jVersion()).isEqualTo(ImportTorchCommand.TRAINED_ELSEWHERE);
        FldCli.Run info = FldCli.run("info", out.toString());
        assertThat(info.out()).contains("twelve waves, held out").contains("adam, learning rate 5.0E-4")
                .contains("trained in PyTorch");
    }

    @Test
    void cardOptionsNeedEachOtherAndHeldOutImages() {
        Path real = dir.resolve("held-out");
        FldCli.Run withoutHeldOut = FldCli.run("import", "torch", exported.toString(), "--out",
                dir.resolve("z.fld4j").toString(), "--description", "x", "--optimizer", "adam", "--learning-rate", "1e-3");
        assertThat(withoutHeldOut.code()).isEqualTo(2);
        assertThat(withoutHeldOut.err()).contains("need --held-out");
        FldCli.Run withoutRecipe = FldCli.run("import", "torch", exported.toString(), "--held-out", real.toString(),
                "--out", dir.resolve("z.fld").toString(), "--description", "x");
        assertThat(withoutRecipe.code()).isEqualTo(2);
        assertThat(withoutRecipe.err()).contains("give --optimizer and --learning-rate");
        assertThat(dir.resolve("z.fld")).doesNotExist();
    }

    @Test
    void aMissingHalfIsAnInputError() throws IOException {
        Path lone = dir.resolve("lone.npz");
        Files.copy(exported, lone);

        FldCli.Run run = FldCli.run("import", "torch", lone.toString(), "--out", dir.resolve("x.fld4j").toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("lone.json");
    }

    @Test
    void aWrongConfigurationIsAnInputErrorNamingTheField() throws IOException {
        Path bad = dir.resolve("bad.npz");
        Files.copy(exported, bad);
        Files.writeString(dir.resolve("bad.json"), Files.readString(dir.resolve("torch.json"))
                .replace("\"uniform\"", "\"learned\""));

        FldCli.Run run = FldCli.run("import", "torch", bad.toString(), "--out", dir.resolve("y.fld4j").toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("bad.json").contains("dequantization must be uniform or variational");
    }
}
