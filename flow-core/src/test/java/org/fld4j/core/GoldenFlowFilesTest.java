package org.fld4j.core;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fld4j.core.image.ImagePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Flow files written before the JSON code moved to Jackson ({@code src/test/resources/golden/*.fld}, written by the
 * hand-written writer from the flows below) are what the current code writes for the same flows, entry by entry and
 * byte for byte; they still load, and their flows give bit-identical log-likelihoods to the same flows built afresh.
 * Run with {@code -Dfld4j.writeGolden=<folder>} to write the files again.
 */
class GoldenFlowFilesTest {

    @TempDir
    Path dir;

    /** A dense flow whose parameters all come from a seeded Java generator, so they are the same on any machine. */
    static Flow dense() {
        FlowNetwork net = Flow.dense(4).couplings(2).hidden(6).mixing(DenseFlowOptions.Mixing.INVERTIBLE_LINEAR)
                .actNorm(true).seed(7).build().toNetwork();
        return Flow.of(withSeededParameters(net, 11));
    }

    /** The {@code small} preset at 1 x 8 x 8, its conditioners 4 channels wide (16 would make a 200 KB file). */
    static Flow small() {
        return Flow.of(withSeededParameters(Flow.image(1, 8, 8).preset(ImagePreset.SMALL).hidden(4, 4, 4).seed(3).build().toNetwork(),
                12));
    }

    /** The fld-paper layout (variational dequantization, three stages) at a tiny width, 1 x 4 x 4. */
    static Flow paper() {
        return Flow.of(withSeededParameters(Flow.image(1, 4, 4).preset(ImagePreset.FLD_PAPER).hidden(2, 2, 2)
                .gatedBlocks(1).variationalDequantization(1, 2).seed(4).build().toNetwork(), 13));
    }

    private static FlowNetwork withSeededParameters(FlowNetwork net, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(net.parameterCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.05 * r.nextGaussian());
        }
        net.parameters().assign(Nd4j.createFromArray(values).castTo(net.parameters().dataType()));
        return net;
    }

    private static Map<String, Flow> flows() {
        Map<String, Flow> flows = new LinkedHashMap<>();
        flows.put("dense.fld", dense());
        flows.put("small-1x8x8.fld", small());
        flows.put("fld-paper-tiny.fld", paper());
        return flows;
    }

    private static INDArray input(Flow flow, long seed) {
        long[] shape = flow.sampleShape();
        long[] batch = new long[shape.length + 1];
        batch[0] = 5;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        long n = 5;
        for (long s : shape) {
            n *= s;
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = shape.length == 1 ? (float) r.nextGaussian() : r.nextInt(256);
        }
        return Nd4j.createFromArray(v).reshape(batch);
    }

    private static Path golden(String name) {
        return Path.of("src/test/resources/golden").resolve(name);
    }

    /** The entries of a zip archive, in order, name to bytes. */
    static Map<String, byte[]> entries(byte[] zipFile) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    private static void assertSameEntries(byte[] actual, byte[] expected) throws IOException {
        Map<String, byte[]> a = entries(actual);
        Map<String, byte[]> e = entries(expected);
        assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
        for (String name : e.keySet()) {
            assertThat(a.get(name)).as(name).isEqualTo(e.get(name));
        }
    }

    @Test
    void writeGoldenFilesWhenAsked() throws IOException {
        String target = System.getProperty("fld4j.writeGolden");
        if (target == null) {
            return;
        }
        Files.createDirectories(Path.of(target));
        for (Map.Entry<String, Flow> f : flows().entrySet()) {
            f.getValue().save(Path.of(target, f.getKey()));
        }
    }

    @Test
    void theSameFlowsAreSavedByteForByteAsBefore() throws IOException {
        for (Map.Entry<String, Flow> f : flows().entrySet()) {
            byte[] expected = Files.readAllBytes(golden(f.getKey()));
            Path file = dir.resolve(f.getKey());
            f.getValue().save(file);
            assertSameEntries(Files.readAllBytes(file), expected);
            assertSameEntries(FlowFiles.toBytes(f.getValue()), expected);
        }
    }

    @Test
    void theOldFilesLoadGiveTheSameLogProbAndSaveAgainByteForByte() throws IOException {
        long seed = 21;
        for (Map.Entry<String, Flow> f : flows().entrySet()) {
            Path old = golden(f.getKey());
            Flow loaded = Flow.load(old);
            Flow fresh = f.getValue();
            assertThat(loaded.layerConfigs()).isEqualTo(fresh.layerConfigs());
            assertThat(loaded.parameters().toFloatVector()).containsExactly(fresh.parameters().toFloatVector());
            INDArray x = input(fresh, seed++);
            double[] expected = fresh.logProb(x);
            assertThat(java.util.Arrays.stream(expected).allMatch(Double::isFinite)).as(f.getKey() + " finite").isTrue();
            double[] actual = loaded.logProb(x);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Double.doubleToRawLongBits(actual[i])).as(f.getKey() + " sample " + i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
            try (InputStream in = Files.newInputStream(old)) {
                assertSameEntries(FlowFiles.toBytes(FlowFiles.load(in, old.toString(), FlowFileLimits.defaults())),
                        Files.readAllBytes(old));
            }
        }
    }
}
