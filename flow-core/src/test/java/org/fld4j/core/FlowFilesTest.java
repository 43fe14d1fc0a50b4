package org.fld4j.core;

import org.fld4j.core.persist.FlowFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.internal.persist.NpyVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlowFilesTest {

    @TempDir
    Path dir;

    private static Flow randomFlow(DataType type) {
        FlowNetwork net = Flow.dense(6).couplings(3).hidden(12).mixing(DenseFlowOptions.Mixing.INVERTIBLE_LINEAR)
                .actNorm(true).dataType(type).seed(5).build().toNetwork();
        net.initializeFromData(Nd4j.rand(type, 32, 6));
        SplittableRandom r = new SplittableRandom(1);
        double[] noise = new double[Math.toIntExact(net.parameterCount())];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.1 * r.nextGaussian();
        }
        net.parameters().addi(Nd4j.createFromArray(noise).castTo(type));
        return Flow.of(net);
    }

    @Test
    void saveThenLoadGivesBitIdenticalLogProb() throws IOException {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            Flow flow = randomFlow(type);
            Path file = dir.resolve("flow-" + type + ".fld");
            flow.save(file);
            Flow loaded = Flow.load(file);
            INDArray x = Nd4j.rand(type, 20, 6).subi(0.5).muli(4);
            assertThat(loaded.logProb(x)).containsExactly(flow.logProb(x));
            assertThat(loaded.layerConfigs()).isEqualTo(flow.layerConfigs());
            assertThat(loaded.layerConfigs().get(0).getBoolean("initialized")).isTrue();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(s -> s.endsWith(".tmp"))).isEmpty();
            }
        }
    }

    @Test
    void truncatedFileIsAClearError() throws IOException {
        Path file = dir.resolve("flow.fld");
        randomFlow(DataType.FLOAT).save(file);
        byte[] bytes = Files.readAllBytes(file);
        for (int keep : new int[] {bytes.length / 2, bytes.length - 30, 40}) {
            Path cut = dir.resolve("cut-" + keep + ".fld");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> Flow.load(cut)).isInstanceOf(FlowFileException.class)
                    .hasMessageContaining(cut.toString());
        }
    }

    @Test
    void corruptedBytesAreDetected() throws IOException {
        Path file = dir.resolve("flow.fld");
        randomFlow(DataType.FLOAT).save(file);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
            bytes[i] ^= 0x5A;
        }
        Path bad = dir.resolve("bad.fld");
        Files.write(bad, bytes);
        assertThatThrownBy(() -> Flow.load(bad)).isInstanceOf(FlowFileException.class)
                .hasMessageContaining(bad.toString());
    }

    @Test
    void notAFlowFileEmptyOrMissing() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> Flow.load(text)).isInstanceOf(FlowFileException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not an fld4j flow file");
        Path empty = dir.resolve("empty.fld");
        Files.createFile(empty);
        assertThatThrownBy(() -> Flow.load(empty)).isInstanceOf(FlowFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Flow.load(dir.resolve("missing.fld"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void newerFormatVersionIsRefusedWithAnUpgradeHint() throws IOException {
        Path file = dir.resolve("future.fld");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("flow.json"));
            zip.write("{\"format\": \"fld4j-flow\", \"formatVersion\": 7}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("parameters.npy"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Flow.load(file)).isInstanceOf(FlowFileException.class)
                .hasMessageContaining("version 7").hasMessageContaining("upgrade");
    }

    @Test
    void saveIntoAMissingFolderFailsAndWritesNothing() {
        Path target = dir.resolve("no/such/folder/flow.fld");
        assertThatThrownBy(() -> randomFlow(DataType.FLOAT).save(target)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void parametersAreReadableAsPlainNpy() throws IOException {
        Flow flow = randomFlow(DataType.DOUBLE);
        byte[] npy = NpyVector.write(flow.parameters());
        // Magic, version 1.0, and a header padded so that the data starts at a multiple of 64.
        assertThat(Arrays.copyOf(npy, 8)).containsExactly((byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(new String(npy, 10, headerLength, StandardCharsets.US_ASCII))
                .startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (" + flow.parameterCount() + ",), }");
        assertThat(NpyVector.read(npy).toDoubleVector()).containsExactly(flow.parameters().toDoubleVector());
    }

    /** Entries carry a fixed local time stamp, so the same flow saved at two moments gives the same bytes. */
    @Test
    void savedEntriesCarryAFixedTimeSoEqualFlowsGiveEqualBytes() throws IOException {
        Flow flow = Flow.dense(4).couplings(2).hidden(8).seed(3).build();
        byte[] first = org.fld4j.core.FlowFiles.toBytes(flow);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(first))) {
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                entries++;
            }
            assertThat(entries).isEqualTo(2);
        }
        assertThat(org.fld4j.core.FlowFiles.toBytes(Flow.load(save(flow)))).isEqualTo(first);
    }

    private Path save(Flow flow) throws IOException {
        Path file = Files.createTempFile("fixed-time", ".fld");
        file.toFile().deleteOnExit();
        flow.save(file);
        return file;
    }
}
