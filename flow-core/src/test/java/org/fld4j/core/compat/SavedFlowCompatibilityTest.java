package org.fld4j.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fld4j.core.Flow;
import org.fld4j.core.compat.FixtureWriter.FixtureFlow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files saved by fld4j before flow-core's redesign still load, score the same probe images to the last
 * bit, and save back to the same contents; training the same flow from the same seeds reaches the same
 * parameters bit for bit. The fixtures were written by the build before the redesign (see
 * {@link FixtureWriter}), so the expected values come from the old implementation, not this one.
 */
class SavedFlowCompatibilityTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SavedFlowCompatibilityTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static double[] doubles(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        double[] v = new double[bytes.length / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(FixtureFlow.class)
    void oldFilesLoadScoreAndSaveAsBefore(FixtureFlow fixture, @TempDir Path dir) throws IOException {
        byte[] saved = resource(fixture.fileName + ".fld");
        Path file = dir.resolve("old.fld");
        Files.write(file, saved);
        Flow flow = Flow.load(file);

        assertThat(flow.logProb(fixture.probe())).containsExactly(doubles(resource(fixture.fileName + ".logprob")));

        Path again = dir.resolve("again.fld");
        flow.save(again);
        Map<String, byte[]> before = entries(saved);
        Map<String, byte[]> after = entries(Files.readAllBytes(again));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @ParameterizedTest
    @EnumSource(FixtureFlow.class)
    void trainingReachesTheOldParameters(FixtureFlow fixture, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.fld");
        Files.write(file, resource(fixture.fileName + ".fld"));
        Flow old = Flow.load(file);
        Flow trained = FixtureWriter.train(fixture.build(), fixture.trainingData());
        assertThat(trained.parameters().data().asDouble()).containsExactly(old.parameters().data().asDouble());
        assertThat(trained.logProb(fixture.probe())).containsExactly(doubles(resource(fixture.fileName + ".logprob")));
    }
}
