package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.image.ImagePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reference file written before the JSON code moved to Jackson ({@code src/test/resources/golden/reference.fld},
 * written by the hand-written writer from the reference below: two flows, held-out names that need escaping) is
 * what the current code writes for the same reference, entry by entry and byte for byte (the {@code writtenBy}
 * field aside, which names the fld4j version); it still loads, with the same values, and saves again identically.
 * Run with {@code -Dfld4j.writeGolden=<folder>} to write the file again.
 */
class GoldenReferenceFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/reference.fld");

    @TempDir
    Path dir;

    private static Flow flow(long seed) {
        FlowNetwork net = Flow.image(1, 4, 4).preset(ImagePreset.SMALL).hidden(2, 2, 2).seed(seed).build().toNetwork();
        SplittableRandom r = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(net.parameterCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.05 * r.nextGaussian());
        }
        net.parameters().assign(Nd4j.createFromArray(values));
        return Flow.of(net);
    }

    /** A two-flow reference with fixed held-out values, so that nothing in it depends on arithmetic. */
    static FldReference reference() {
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withSeed(-5).withTimeBudget(Duration.ofSeconds(90))
                .withConfidence(0.9).withReferenceFlows(2);
        ReferenceMember first = new ReferenceMember(flow(1), -5, new double[] {-1234.5, -0.1, -1e-300, -7.25e8},
                List.of("a.png", "quote\"back\\slash.png", "tab\there\u0001\u001f.png", "caf\u00e9-\ud83d\ude00.png"),
                40, "3 epochs (budget), 1.5 s");
        ReferenceMember second = new ReferenceMember(flow(2), 6, new double[] {-2.0, -3.0000000000000004},
                List.of("b/1.png", "b/2.png"), 42, "2 epochs (patience), 0.25 s");
        return new FldReference(List.of(first, second), options, "sha256:0123abcd", 46, "");
    }

    static Map<String, byte[]> entries(byte[] zipFile) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    /**
     * The entries of both files are equal, reference.json's writtenBy field taken to be the golden file's; the zips
     * hold the time they were written, so the files themselves are not compared whole.
     */
    private static void assertSameEntries(Path actual, Path expected) throws IOException {
        Map<String, byte[]> a = entries(Files.readAllBytes(actual));
        Map<String, byte[]> e = entries(Files.readAllBytes(expected));
        assertThat(a.keySet()).containsExactlyElementsOf(e.keySet());
        for (String name : e.keySet()) {
            if (name.equals("reference.json")) {
                String json = new String(a.get(name), StandardCharsets.UTF_8);
                String golden = new String(e.get(name), StandardCharsets.UTF_8);
                String version = "\"writtenBy\": \"" + Fld4jVersion.current() + "\"";
                assertThat(json).contains(version);
                String goldenVersion = golden.replaceAll("(?s).*(\"writtenBy\": \"[^\"]*\").*", "$1");
                assertThat(json.replace(version, goldenVersion).getBytes(StandardCharsets.UTF_8))
                        .isEqualTo(e.get(name));
            } else {
                // a flow's own file, whose zip headers hold the time it was made: compared entry by entry
                Map<String, byte[]> inner = entries(a.get(name));
                Map<String, byte[]> innerGolden = entries(e.get(name));
                assertThat(inner.keySet()).as(name).containsExactlyElementsOf(innerGolden.keySet()).hasSize(2);
                for (String entry : innerGolden.keySet()) {
                    assertThat(inner.get(entry)).as(name + " " + entry).isEqualTo(innerGolden.get(entry));
                }
            }
        }
    }

    @Test
    void writeGoldenFileWhenAsked() throws IOException {
        String target = System.getProperty("fld4j.writeGolden");
        if (target != null) {
            Files.createDirectories(Path.of(target));
            ReferenceFiles.save(reference(), Path.of(target, "reference.fld"));
        }
    }

    @Test
    void theSameReferenceIsSavedByteForByteAsBefore() throws IOException {
        Path file = dir.resolve("reference.fld");
        ReferenceFiles.save(reference(), file);
        assertSameEntries(file, GOLDEN);
    }

    @Test
    void theOldFileLoadsWithTheSameValuesAndSavesAgainByteForByte() throws IOException {
        FldReference loaded = ReferenceFiles.load(GOLDEN);
        FldReference expected = reference();
        assertThat(loaded.referenceFlows()).isEqualTo(2);
        assertThat(loaded.options()).isEqualTo(expected.options());
        for (int k = 0; k < 2; k++) {
            ReferenceMember a = loaded.members().get(k);
            ReferenceMember e = expected.members().get(k);
            assertThat(a.heldOutValues()).containsExactly(e.heldOutValues());
            assertThat(a.heldOutNames()).isEqualTo(e.heldOutNames());
            assertThat(a.flow().parameters().toFloatVector()).containsExactly(e.flow().parameters().toFloatVector());
            assertThat(a.flow().layerConfigs()).isEqualTo(e.flow().layerConfigs());
        }
        Path again = dir.resolve("again.fld");
        ReferenceFiles.save(loaded, again);
        assertSameEntries(again, GOLDEN);
    }
}
