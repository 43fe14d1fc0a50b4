package org.fld4j.core;

import org.fld4j.core.persist.FlowFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.internal.persist.NpyVector;
import org.fld4j.core.internal.persist.ZipEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Flow files crafted as an attacker would: descriptions that declare huge sizes, lie about their parameter count,
 * nest without end, hold non-finite parameters or inflate far beyond their size. Each is refused with a
 * {@link FlowFileException} naming the file, before anything large is allocated.
 */
class HostileFlowFilesTest {

    @TempDir
    Path dir;

    /** An act-norm flow over vectors of {@code d} features: 2d parameters. */
    private static String actNormJson(long d, long declared, String version) {
        return "{\"format\": \"fld4j-flow\", \"formatVersion\": " + version + ", \"dataType\": \"FLOAT\","
                + " \"sampleShape\": [" + d + "], \"parameterCount\": " + declared + ", \"layers\": [{\"type\":"
                + " \"act-norm\", \"attributes\": {\"dimension\": " + d + ", \"dataType\": \"FLOAT\","
                + " \"initialized\": true}, \"parameters\": []}]}";
    }

    private static byte[] npy(float... values) {
        return NpyVector.write(Nd4j.createFromArray(values));
    }

    private static byte[] zip(String json, byte[] parameters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("flow.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("parameters.npy"));
            zip.write(parameters);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private Path file(String name, String json, byte[] parameters) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, zip(json, parameters));
        return file;
    }

    private void refused(Path file, String... parts) {
        var thrown = assertThatThrownBy(() -> Flow.load(file)).isInstanceOf(FlowFileException.class)
                .hasMessageContaining(file.toString());
        for (String part : parts) {
            thrown.hasMessageContaining(part);
        }
    }

    @Test
    void aWellFormedHandWrittenFileLoads() throws IOException {
        Flow flow = Flow.load(file("ok.fld", actNormJson(2, 4, "1"), npy(0.5f, -0.5f, 0.25f, 0f)));
        assertThat(flow.parameterCount()).isEqualTo(4);
        // act-norm y = (x + b) e^s: log p adds the log-scales 0.25 + 0.
        double expected = -Math.log(2 * Math.PI) - 0.5 * (Math.pow((1 + 0.5) * Math.exp(0.25), 2)
                + Math.pow((1 - 0.5) * Math.exp(0), 2)) + 0.25;
        assertThat(flow.logProb(Nd4j.createFromArray(new float[][] {{1, 1}}))[0])
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeAnythingIsBuilt() throws IOException {
        String hiddenWidth = "{\"format\": \"fld4j-flow\", \"formatVersion\": 1, \"dataType\": \"FLOAT\","
                + " \"sampleShape\": [8], \"parameterCount\": 10, \"layers\": [{\"type\": \"affine-coupling\","
                + " \"attributes\": {\"dimension\": 8, \"inverted\": false, \"hidden\": [%s], \"activation\": \"RELU\","
                + " \"form\": \"AFFINE\", \"dataType\": \"FLOAT\"}, \"parameters\": []}]}";
        refused(file("width.fld", hiddenWidth.formatted("1000000000"), npy(new float[10])), "1000000000",
                "fld4j.maxLayerDimension");
        // Within the per-attribute limit, but 16M x 16M weights: refused by the parameter count, not built.
        refused(file("weights.fld", hiddenWidth.formatted("16000000, 16000000"), npy(new float[10])),
                "parameters", "fld4j.maxParameters");
        refused(file("channels.fld", "{\"format\": \"fld4j-flow\", \"formatVersion\": 1, \"dataType\": \"FLOAT\","
                + " \"sampleShape\": [3, 4, 4], \"parameterCount\": 6, \"layers\": [{\"type\": \"channel-act-norm\","
                + " \"attributes\": {\"channels\": 1000000000, \"height\": 4, \"width\": 4, \"dataType\": \"FLOAT\","
                + " \"initialized\": true}}]}", npy(new float[6])), "1000000000");
        refused(file("sample.fld", actNormJson(4, 8, "1").replace("\"sampleShape\": [4]",
                "\"sampleShape\": [100000, 100000]"), npy(new float[8])), "sampleShape", "fld4j.maxSampleValues");
        refused(file("dimension.fld", actNormJson(1L << 40, 2L << 40, "1"), npy(new float[8])),
                String.valueOf(1L << 40));
        // A 3 x 4096 x 4096 image flow with 4096-wide couplings: few parameters per pixel, but each image would
        // need about 2^38 values in flight.
        String wide = "{\"format\": \"fld4j-flow\", \"formatVersion\": 1, \"dataType\": \"FLOAT\","
                + " \"sampleShape\": [3, 4096, 4096], \"parameterCount\": 1, \"layers\": [{\"type\": \"image-coupling\","
                + " \"attributes\": {\"shape\": [3, 4096, 4096], \"mask\": \"CHECKERBOARD\", \"inverted\": false,"
                + " \"hidden\": 4096, \"blocks\": 0, \"form\": \"FLD\", \"contextChannels\": 0,"
                + " \"dataType\": \"FLOAT\"}}]}";
        refused(file("work.fld", wide, npy(1f)), "per sample", "fld4j.maxWorkValuesPerSample");
    }

    @Test
    void aParameterCountThatDisagreesWithTheLayersIsRefused() throws IOException {
        refused(file("declared.fld", actNormJson(2, 5, "1"), npy(new float[5])), "declares 5", "need 4");
        refused(file("stored.fld", actNormJson(2, 4, "1"), npy(new float[5])), "parameters.npy", "5");
        refused(file("short.fld", actNormJson(2, 4, "1"), npy(new float[3])), "parameters.npy");
        refused(file("double.fld", actNormJson(2, 4, "1"),
                NpyVector.write(Nd4j.createFromArray(new double[4]))), "DOUBLE");
    }

    @Test
    void nonFiniteParametersAreRefused() throws IOException {
        refused(file("nan.fld", actNormJson(2, 4, "1"), npy(0, Float.NaN, 0, 0)), "parameter 1 is NaN");
        refused(file("inf.fld", actNormJson(2, 4, "1"), npy(0, 0, 0, Float.NEGATIVE_INFINITY)),
                "parameter 3 is -Infinity");
    }

    @Test
    void versionsAndFieldsMustBeExactlyWhatTheFormatSays() throws IOException {
        byte[] p = npy(new float[4]);
        refused(file("v19.fld", actNormJson(2, 4, "1.9"), p), "formatVersion", "1.9", "not an integer");
        refused(file("vbig.fld", actNormJson(2, 4, "4294967297"), p), "formatVersion", "4294967297");
        refused(file("vstring.fld", actNormJson(2, 4, "\"1\""), p), "formatVersion", "\"1\"");
        refused(file("vmissing.fld", actNormJson(2, 4, "1").replace("\"formatVersion\": 1, ", ""), p),
                "formatVersion", "missing");
        refused(file("type.fld", actNormJson(2, 4, "1").replace("\"dataType\": \"FLOAT\",", "\"dataType\": 5,"), p),
                "dataType", "5", "not a string");
        refused(file("count.fld", actNormJson(2, 4, "1").replace("\"parameterCount\": 4", "\"parameterCount\": 4.5"),
                p), "parameterCount", "4.5");
        refused(file("layers.fld", actNormJson(2, 4, "1").replace("\"layers\": [", "\"layers\": [7, "), p),
                "layer 0", "not a JSON object");
        refused(file("attr.fld", actNormJson(2, 4, "1").replace("\"dimension\": 2", "\"dimension\": 2.5"), p),
                "dimension", "2.5");
        refused(file("enum.fld", actNormJson(2, 4, "1").replace("\"initialized\": true}",
                "\"initialized\": true}").replace("\"dataType\": \"FLOAT\", \"initialized\"",
                "\"dataType\": \"HALF\", \"initialized\""), p), "HALF");
    }

    @Test
    void deeplyNestedJsonIsAClearErrorNotAStackOverflow() throws IOException {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String json = actNormJson(2, 4, "1").replace("\"layers\":", "\"deep\": " + deep + ", \"layers\":");
        refused(file("deep.fld", json, npy(new float[4])), "nested deeper than " + Json.MAX_DEPTH);
    }

    @Test
    void entriesAreReadWithAHardCapWhateverTheirHeadersSay() throws IOException {
        // 4 MiB of spaces deflate to a few KiB; a 1 MiB description limit stops the read after 1 MiB + 1 byte.
        String padded = actNormJson(2, 4, "1") + " ".repeat(4 << 20);
        Path file = file("padded.fld", padded, npy(new float[4]));
        assertThat(Files.size(file)).isLessThan(64 << 10);
        FlowFileLimits small = new FlowFileLimits(FlowFileLimits.DEFAULT_MAX_PARAMETERS,
                FlowFileLimits.DEFAULT_MAX_SAMPLE_VALUES, FlowFileLimits.DEFAULT_MAX_LAYER_DIMENSION,
                FlowFileLimits.DEFAULT_MAX_WORK_VALUES_PER_SAMPLE, 1 << 20);
        assertThatThrownBy(() -> FlowFiles.load(file, small)).isInstanceOf(FlowFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("flow.json")
                .hasMessageContaining("more than " + (1 << 20));
        assertThat(FlowFiles.load(file, FlowFileLimits.defaults()).parameterCount()).isEqualTo(4);
        // parameters.npy beyond what the description declares: 4 parameters, 1 MiB of values.
        refused(file("npy.fld", actNormJson(2, 4, "1"), npy(new float[1 << 18])), "parameters.npy",
                "more than", "4 parameters");
    }

    @Test
    void theReaderStopsOneByteAfterTheCap() throws IOException {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 0;
            }
        };
        assertThatThrownBy(() -> ZipEntries.readAtMost(endless, new ZipEntries.Cap(1000, "too big"), "src", "e"))
                .isInstanceOf(FlowFileException.class).hasMessageContaining("src").hasMessageContaining("entry e");
        assertThat(served[0]).isEqualTo(1001);
    }

    @Test
    void archivesWithTooManyEntriesAreRefused() throws IOException {
        Path file = dir.resolve("many.fld");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("flow.json"));
            zip.write(actNormJson(2, 4, "1").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("parameters.npy"));
            zip.write(npy(new float[4]));
            for (int i = 0; i < ZipEntries.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("extra" + i));
            }
        }
        refused(file, "entries");
        assertThatThrownBy(() -> FlowFiles.load(Files.readAllBytes(file), "outer.fld (entry x)",
                FlowFileLimits.defaults())).isInstanceOf(FlowFileException.class)
                .hasMessageContaining("outer.fld (entry x)").hasMessageContaining("entries");
    }

    @Test
    void aFlowLoadsFromBytesAsFromItsFileAndTruncatedBytesAreRefused() throws IOException {
        Flow flow = Flow.image(3, 8, 8).preset(ImagePreset.SMALL).build();
        Path file = dir.resolve("small.fld");
        flow.save(file);
        byte[] bytes = Files.readAllBytes(file);
        Flow fromBytes = FlowFiles.load(bytes, "in memory", FlowFileLimits.defaults());
        assertThat(fromBytes.parameters().toFloatVector()).containsExactly(flow.parameters().toFloatVector());
        assertThat(fromBytes.layerConfigs()).isEqualTo(flow.layerConfigs());
        for (int keep : new int[] {bytes.length / 2, bytes.length - 10, 3}) {
            assertThatThrownBy(() -> FlowFiles.load(java.util.Arrays.copyOf(bytes, keep), "cut bytes",
                    FlowFileLimits.defaults())).isInstanceOf(FlowFileException.class).hasMessageContaining("cut bytes");
        }
    }

    @Test
    void limitsCanBeRaisedByASystemProperty() {
        String key = "fld4j.maxParameters";
        String before = System.getProperty(key);
        try {
            System.setProperty(key, "1000");
            assertThat(FlowFileLimits.fromSystemProperties().maxParameters()).isEqualTo(1000);
            System.setProperty(key, "many");
            assertThatThrownBy(FlowFileLimits::fromSystemProperties).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key).hasMessageContaining("many");
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
        assertThat(FlowFileLimits.fromSystemProperties()).isEqualTo(FlowFileLimits.defaults());
    }
}
