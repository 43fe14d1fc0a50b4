package org.fld4j.metrics.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.ImageFlowBuilder;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.array.NpyDtype;
import org.fld4j.io.array.NpyWriteOptions;
import org.fld4j.io.array.NpyWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exactness against PyTorch itself, where {@code /usr/bin/python3} imports torch (skipped otherwise):
 * {@code interop/reference_flow.py} builds FLD's image flow at full size (steps 2, 2, 4; widths 32, 48, 64; 3 gated
 * blocks; variational dequantization of 4 couplings of width 16, or uniform) with seeded random weights in every
 * layer, exports it and scores three random images in float32 with every dequantization draw at 1/2; fld4j imports
 * the files and scores the same images the same way. The way back: an fld4j flow with random weights, exported and
 * loaded by PyTorch with {@code load_state_dict(strict=True)}, scores as fld4j does.
 */
class TorchFlowsExactnessTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    private static Path script;

    @BeforeAll
    static void needsTorch() throws IOException, InterruptedException {
        script = Path.of("..", "interop", "reference_flow.py").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(script), "skipped: " + script + " not found (run from flow-metrics)");
        boolean torch = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import torch")).exit == 0;
        Assumptions.assumeTrue(torch, "skipped: " + PYTHON + " cannot import torch (apt-get install python3-torch)");
    }

    @ParameterizedTest(name = "{0}x{1}x{2} {3}")
    @CsvSource({"1, 28, 28, uniform", "1, 28, 28, variational", "3, 32, 32, uniform", "3, 32, 32, variational"})
    void pyTorchToFld4j(int c, int h, int w, String dequantization) throws Exception {
        Path out = dir.resolve("torch");
        python("random", "--shape", c + "," + h + "," + w, "--dequantization", dequantization, "--seed",
                String.valueOf(c * 1000 + h), "--images", "3", "--out", out.toString());

        Flow flow = TorchFlows.importFlow(out.resolve("torch.npz"));
        double[] fld4j = TorchFixtures.midpointLogProb(flow, TorchFixtures.images(out.resolve("images.npy")));
        double[] torch = TorchFixtures.torchLogProb(out.resolve("torch_logprob.json"));

        double difference = TorchFixtures.maxRelativeDifference(fld4j, torch);
        System.out.printf("PyTorch -> fld4j %dx%dx%d %s: max relative difference %.2e (%s vs %s)%n", c, h, w,
                dequantization, difference, java.util.Arrays.toString(fld4j), java.util.Arrays.toString(torch));
        assertThat(difference).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} {3}")
    @CsvSource({"1, 28, 28, uniform", "1, 28, 28, variational", "3, 32, 32, uniform", "3, 32, 32, variational"})
    void fld4jToPyTorch(int c, int h, int w, String dequantization) throws Exception {
        ImageFlowBuilder builder = Flow.image(c, h, w).preset(ImagePreset.FLD_PAPER).seed(c + h);
        if (dequantization.equals("uniform")) {
            builder.uniformDequantization();
        }
        FlowNetwork network = builder.build().toNetwork();
        // Every weight moved off its start (output convolutions and clamps start at zero, LayerNorm at 1 and 0).
        INDArray parameters = network.parameters();
        java.util.Random random = new java.util.Random(c * 7919L + h);
        double[] noise = new double[Math.toIntExact(parameters.length())];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.05 * random.nextGaussian();
        }
        parameters.addi(Nd4j.createFromArray(noise).castTo(parameters.dataType()).reshape(parameters.shape()));
        Flow flow = Flow.adopt(network);
        double[] pixels = new double[3 * c * h * w];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        INDArray images = Nd4j.create(pixels, new long[] {3, c, h, w}).castTo(DataType.FLOAT);
        Path imagesFile = dir.resolve("images.npy");
        NpyWriter.write(imagesFile, images, NpyWriteOptions.of(NpyDtype.UINT8));
        TorchFlows.export(flow, dir.resolve("fld4j.npz"));

        python("score", "--stem", dir.resolve("fld4j").toString(), "--images", imagesFile.toString(), "--out",
                dir.resolve("scores.json").toString());

        double[] fld4j = TorchFixtures.midpointLogProb(flow, images);
        double[] torch = TorchFixtures.torchLogProb(dir.resolve("scores.json"));
        double difference = TorchFixtures.maxRelativeDifference(fld4j, torch);
        System.out.printf("fld4j -> PyTorch %dx%dx%d %s: max relative difference %.2e (%s vs %s)%n", c, h, w,
                dequantization, difference, java.util.Arrays.toString(fld4j), java.util.Arrays.toString(torch));
        assertThat(difference).isLessThan(TOLERANCE);
    }

    private static void python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        Result r = run(command);
        assertThat(r.exit).as("%s failed:%n%s", command, r.output).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process p = builder.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
