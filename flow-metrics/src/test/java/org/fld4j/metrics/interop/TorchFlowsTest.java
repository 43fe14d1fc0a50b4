package org.fld4j.metrics.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fld4j.core.Flow;
import org.fld4j.core.coupling.CouplingForm;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.array.NpyArray;
import org.fld4j.io.array.NpyDtype;
import org.fld4j.io.array.NpyWriteOptions;
import org.fld4j.io.array.NpzArchive;
import org.fld4j.io.array.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The importer against committed PyTorch output (runs without Python): small flows of the official layout with
 * random weights, exported by {@code interop/reference_flow.py}, and PyTorch's float32 log-likelihoods of three
 * images; and the importer's errors on damaged files.
 */
class TorchFlowsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"uniform-1x8x8", "variational-3x8x8"})
    void importedFlowScoresAsPyTorchDid(String name) throws IOException {
        Path fixture = TorchFixtures.fixture(name);
        Flow flow = TorchFlows.importFlow(fixture.resolve("torch.npz"));

        double[] fld4j = TorchFixtures.midpointLogProb(flow, TorchFixtures.images(fixture.resolve("images.npy")));
        double[] torch = TorchFixtures.torchLogProb(fixture.resolve("torch_logprob.json"));

        assertThat(TorchFixtures.maxRelativeDifference(fld4j, torch)).isLessThan(1e-4);
    }

    @Test
    void exportThenImportKeepsEveryWeight() throws IOException {
        Flow flow = TorchFlows.importFlow(TorchFixtures.fixture("variational-3x8x8").resolve("torch.json"));
        TorchFlows.export(flow, dir.resolve("again.npz"));

        Flow back = TorchFlows.importFlow(dir.resolve("again.npz"));

        assertThat(back.parameters().toDoubleVector()).containsExactly(flow.parameters().toDoubleVector());
        assertThat(Files.readString(dir.resolve("again.json"), StandardCharsets.UTF_8)).contains("\"flow_layers\"");
    }

    @Test
    void exportWritesTheOfficialKeysAndMasks() throws IOException {
        Flow flow = Flow.image(3, 8, 8).preset(ImagePreset.FLD_PAPER).seed(3).build();
        TorchFlows.export(flow, dir.resolve("paper.npz"));

        Path npz = dir.resolve("paper.npz");
        assertThat(NpzArchive.entries(npz)).contains("flow_layers.0.flows.3.network.nn.0.weight",
                "flow_layers.1.network.nn.1.net.1.weight", "flow_layers.11.scaling_factor", "flow_layers.4.mask");
        // Layer 4 is the first channel coupling (12 channels after the squeeze): 1 on the first 6 channels.
        NpyArray mask = NpzArchive.open(npz, "flow_layers.4.mask");
        assertThat(mask.header().shape()).containsExactly(1, 12, 1, 1);
        assertThat(mask.toDoubles()).containsExactly(1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
        // The input convolution of the first checkerboard coupling, OIHW: 32 filters over 3 channels.
        assertThat(NpzArchive.open(npz, "flow_layers.1.network.nn.0.weight").header().shape())
                .containsExactly(32, 3, 3, 3);
    }

    @Test
    void glowHasNoPyTorchCounterpart() {
        Flow glow = Flow.image(1, 8, 8).preset(ImagePreset.GLOW).stages(new int[] {1, 1, 1}, new int[] {4, 4, 4})
                .build();

        assertThatThrownBy(() -> TorchFlows.export(glow, dir.resolve("glow.npz")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported flow");
    }

    @Test
    void realNvpCouplingsHaveNoPyTorchCounterpart() {
        Flow affine = Flow.image(1, 8, 8).preset(ImagePreset.SMALL).form(CouplingForm.AFFINE).build();

        assertThatThrownBy(() -> TorchFlows.export(affine, dir.resolve("affine.npz")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported")
                .hasMessageContaining("FLD");
        assertThat(dir.resolve("affine.npz")).doesNotExist();
    }

    @Test
    void missingEntryIsNamed() throws IOException {
        Path copy = damaged(m -> m.remove("flow_layers.2.network.nn.2.gamma"));

        assertThatThrownBy(() -> TorchFlows.importFlow(copy)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining(copy.toString()).hasMessageContaining("missing entry 'flow_layers.2.network.nn.2.gamma'")
                .hasMessageContaining("[1, 8, 1, 1]");
    }

    @Test
    void extraEntryIsNamed() throws IOException {
        Path copy = damaged(m -> m.put("flow_layers.10.scaling_factor", Nd4j.ones(8)));

        assertThatThrownBy(() -> TorchFlows.importFlow(copy)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining("unexpected entry 'flow_layers.10.scaling_factor'");
    }

    @Test
    void wrongShapeIsNamedWithBothShapes() throws IOException {
        Path copy = damaged(m -> m.put("flow_layers.1.network.nn.0.weight",
                m.get("flow_layers.1.network.nn.0.weight").permute(1, 0, 2, 3).dup()));

        assertThatThrownBy(() -> TorchFlows.importFlow(copy)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining("'flow_layers.1.network.nn.0.weight' has shape [1, 8, 3, 3], expected [8, 1, 3, 3]");
    }

    @Test
    void nonFiniteWeightIsNamed() throws IOException {
        Path copy = damaged(m -> m.get("flow_layers.4.scaling_factor").putScalar(1, Double.NaN));

        assertThatThrownBy(() -> TorchFlows.importFlow(copy)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining("'flow_layers.4.scaling_factor' holds a non-finite value (NaN) at element 1");
    }

    @Test
    void wrongMaskIsRefused() throws IOException {
        Path copy = damaged(m -> m.get("flow_layers.1.mask").rsubi(1));

        assertThatThrownBy(() -> TorchFlows.importFlow(copy)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining("'flow_layers.1.mask' is not the mask");
    }

    @Test
    void unsupportedConfigurationIsNamed() throws IOException {
        Path copy = damaged(m -> { });
        Path json = copy.resolveSibling("copy.json");
        Files.writeString(json, Files.readString(json).replace("\"quants\": 256", "\"quants\": 16"));

        assertThatThrownBy(() -> TorchFlows.importFlow(copy)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining(json.toString()).hasMessageContaining("quants must be 256");
    }

    /**
     * A copy of the uniform fixture (1 x 8 x 8, steps 2, 2, 2 at layers 1-2, 4-5 and 8-9, one gated block of width
     * 8) as {@code copy.npz} + {@code copy.json}, its arrays changed by {@code change}.
     */
    private Path damaged(java.util.function.Consumer<Map<String, INDArray>> change) throws IOException {
        Path fixture = TorchFixtures.fixture("uniform-1x8x8");
        Path npz = fixture.resolve("torch.npz");
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String key : NpzArchive.entries(npz)) {
            NpyArray a = NpzArchive.open(npz, key);
            arrays.put(key, Nd4j.create(a.toDoubles(), a.header().shape()));
        }
        change.accept(arrays);
        Path copy = dir.resolve("copy.npz");
        NpzWriter.write(copy, arrays, NpyWriteOptions.of(NpyDtype.FLOAT32));
        Files.copy(fixture.resolve("torch.json"), dir.resolve("copy.json"));
        return copy;
    }
}
