package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowFiles;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.image.ImagePreset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reference files as users pass them around: saved with the usual permissions and nothing left beside them, and
 * crafted ones (inexact versions, wrong field types, deep JSON, oversized entries, broken or absurd flows) refused
 * with an IOException that names the reference file, never a temporary file.
 */
class ReferenceFilesTest {

    private static Flow flow;
    private static Fld fld;
    private static String json;
    private static byte[] flowBytes;

    @TempDir
    Path dir;

    @BeforeAll
    static void reference(@TempDir Path tmp) throws IOException {
        flow = Flow.image(1, 8, 8).preset(ImagePreset.SMALL).build();
        SplittableRandom random = new SplittableRandom(3);
        float[] values = new float[6 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(256);
        }
        INDArray heldOut = Nd4j.createFromArray(values).reshape(6, 1, 8, 8);
        fld = Fld.using(flow, heldOut);
        Path file = tmp.resolve("ref.fld");
        fld.save(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            json = new String(zip.getInputStream(zip.getEntry("reference.json")).readAllBytes(), StandardCharsets.UTF_8);
            flowBytes = zip.getInputStream(zip.getEntry("flow.fld4j")).readAllBytes();
        }
    }

    private Path reference(String name, String referenceJson, byte[] innerFlow) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("reference.json"));
            zip.write(referenceJson.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("flow.fld4j"));
            zip.write(innerFlow);
        }
        return file;
    }

    private static void refused(Path file, String... parts) {
        var thrown = assertThatThrownBy(() -> Fld.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageNotContaining(".tmp");
        for (String part : parts) {
            thrown.hasMessageContaining(part);
        }
    }

    @Test
    void aSavedReferenceLoadsIdenticallyWithTheUsualPermissionsAndNothingBesideIt() throws IOException {
        Path file = dir.resolve("saved.fld");
        long gone = 4_000_000_000L;
        Path stale = Files.writeString(dir.resolve(".saved.fld." + gone + ".7f.tmp"), "left by a killed save");
        fld.save(file);
        Fld loaded = Fld.load(file);
        assertThat(loaded.reference().heldOutLogLikelihoods()).containsExactly(fld.reference().heldOutLogLikelihoods());
        assertThat(loaded.reference().flow().parameters().toFloatVector()).containsExactly(flow.parameters().toFloatVector());
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(stale).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("saved.fld", "plain.txt");
        }
        // The inner flow is the flow's own file format.
        assertThat(FlowFiles.load(flowBytes, "inner", org.fld4j.core.FlowFileLimits.defaults())
                .parameters().toFloatVector()).containsExactly(flow.parameters().toFloatVector());
    }

    @Test
    void versionsMustBeExactIntegers() throws IOException {
        assertThat(json).contains("\"version\": 1,");
        refused(reference("v19.fld", json.replace("\"version\": 1,", "\"version\": 1.9,"), flowBytes),
                "version", "1.9", "not an integer");
        refused(reference("vbig.fld", json.replace("\"version\": 1,", "\"version\": 4294967297,"), flowBytes),
                "version", "4294967297");
        refused(reference("vnone.fld", json.replace("\"version\": 1,", ""), flowBytes), "'version' is missing");
        refused(reference("v3.fld", json.replace("\"version\": 1,", "\"version\": 3,"), flowBytes),
                "version 3 is not supported");
        // version 2 holds several flows and must say how many
        refused(reference("v2.fld", json.replace("\"version\": 1,", "\"version\": 2,"), flowBytes),
                "options.referenceFlows", "missing");
    }

    @Test
    void fieldsOfTheWrongTypeOrRangeAreNamed() throws IOException {
        refused(reference("seed.fld", json.replaceFirst("\"seed\": -?\\d+", "\"seed\": \"abc\""), flowBytes),
                "options.seed", "\"abc\"");
        refused(reference("batch.fld", json.replaceFirst("\"batchSize\": \\d+", "\"batchSize\": 4294967297"),
                flowBytes), "options.batchSize", "4294967297");
        // Out of FldOptions' own range: its IllegalArgumentException is reported with the file.
        refused(reference("neg.fld", json.replaceFirst("\"batchSize\": \\d+", "\"batchSize\": -5"), flowBytes),
                "-5");
        refused(reference("names.fld", json.replace("\"heldOutNames\": [", "\"heldOutNames\": [7, "), flowBytes),
                "heldOutNames");
        refused(reference("array.fld", "[1, 2]", flowBytes), "not a JSON object");
        refused(reference("shape.fld", json.replaceFirst("\"imageShape\": \\[1, 8, 8\\]", "\"imageShape\": [3, 8, 8]"),
                flowBytes), "imageShape");
    }

    @Test
    void storedHeldOutLogLikelihoodsMustBeFinite() throws IOException {
        String infinite = json.replaceFirst("\"heldOutLogLikelihoods\": \\[-?[0-9.E-]+", "\"heldOutLogLikelihoods\": [-1e400");
        assertThat(infinite).isNotEqualTo(json);
        refused(reference("inf.fld", infinite, flowBytes), "corrupt reference", "-Infinity");
    }

    @Test
    void deeplyNestedJsonIsAClearError() throws IOException {
        String deep = json.replace("\"training\":", "\"deep\": " + "[".repeat(200_000) + "]".repeat(200_000)
                + ", \"training\":");
        refused(reference("deep.fld", deep, flowBytes), "nested deeper");
    }

    @Test
    void aBrokenInnerFlowIsNamedByTheReferenceAndTheEntry() throws IOException {
        FlowNetwork nan = flow.toNetwork();
        nan.parameters().putScalar(3, Float.NaN);
        refused(reference("nan.fld", json, FlowFiles.toBytes(Flow.of(nan))), "(entry flow.fld4j)", "parameter 3 is NaN");
        // cut inside its entries (a flow read as it inflates needs complete, CRC-checked entries, not the directory)
        byte[] cut = java.util.Arrays.copyOf(flowBytes, flowBytes.length / 2);
        refused(reference("cut.fld", json, cut), "(entry flow.fld4j)");
    }

    @Test
    void finiteButAbsurdParametersAreRefusedByTheProbe() throws IOException {
        FlowNetwork absurd = flow.toNetwork();
        absurd.parameters().assign(1e30);
        refused(reference("absurd.fld", json, FlowFiles.toBytes(Flow.of(absurd))), "corrupt reference");
    }

    @Test
    void anInnerFlowWhoseParametersInflatePastTheirDeclaredSizeIsRefusedWithoutReadingThemWhole() throws IOException {
        String description;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(flowBytes))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("flow.json");
            description = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // 64 MiB of zeros deflate to about 64 KiB; the description declares the small preset's few thousand values
        java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            zip.putNextEntry(new ZipEntry("flow.json"));
            zip.write(description.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("parameters.npy"));
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < 1024; i++) {
                zip.write(block);
            }
        }
        Path file = reference("bomb.fld", json, inner.toByteArray());
        assertThat(Files.size(file)).isLessThan(1 << 20);
        refused(file, "(entry flow.fld4j)", "entry parameters.npy holds more than",
                "parameters the description declares");
        // zeros are no flow file at all: refused at once, naming the entry
        refused(reference("zeros.fld", json, new byte[8 << 20]), "(entry flow.fld4j)", "not an fld4j flow file");
    }

    @Test
    void anOversizedDescriptionIsRefused() throws IOException {
        Path file = reference("padded.fld", json + " ".repeat(ReferenceFiles.MAX_JSON_BYTES), flowBytes);
        refused(file, "entry reference.json holds more than " + ReferenceFiles.MAX_JSON_BYTES);
    }
}
