package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.metrics.fld.Fld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Hostile files through the whole command, as a user meets them: each ends with the documented exit code and one
 * clear line on stderr, never a stack trace, inside the fuzz execution's small heap.
 */
@Tag("fuzz")
class HostileInputCommandTest {

    private static final Path dir = Path.of("target", "fuzz-cases", "cli").toAbsolutePath();
    private static Path ref;
    private static Path good;

    @BeforeAll
    static void reference() throws IOException {
        // the fuzz execution gives the JVM its own temporary folder, which must exist before anything uses it
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(3);
        float[] values = new float[20 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(256);
        }
        ref = dir.resolve("ref.fld");
        Fld.using(Flow.image(1, 8, 8).preset(ImagePreset.SMALL).build(), Nd4j.createFromArray(values)
                .reshape(20, 1, 8, 8)).save(ref);
        good = FldCli.writePngs(dir.resolve("good"), 12, 4, 10, 8);
    }

    /** One line on stderr that says what went wrong, and no trace of a Java exception. */
    private static void clearFailure(FldCli.Run run, int code, String... named) {
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines().filter(l -> l.startsWith("fld: "))).hasSize(1);
        assertThat(run.err()).contains(named).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("java.lang.");
    }

    @Test
    void anNpzEntryThatInflatesFarBeyondItsHeaderIsBadInput() throws IOException {
        byte[] header = npyHeader("{'descr': '|u1', 'fortran_order': False, 'shape': (4, 1, 8, 8), }");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("images.npy"));
            zip.write(header);
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < 4096; i++) { // 256 MiB of zeros, about 256 KB deflated
                zip.write(block);
            }
        }
        Path npz = Files.write(dir.resolve("bomb.npz"), out.toByteArray());
        clearFailure(FldCli.run("score", "--ref", ref.toString(), npz + ":images", "--layout", "nchw",
                "--on-error", "skip"), 3, "bomb.npz", "images.npy");
    }

    @Test
    void preflightListsAPngWhoseHeaderDeclaresFourGigapixels() throws IOException {
        Path folder = FldCli.copy(good, dir.resolve("with-huge"));
        byte[] png = Files.readAllBytes(folder.resolve("img-000.png"));
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 65535).putInt(20, 65535);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Files.write(folder.resolve("huge.png"), png);
        FldCli.Run run = FldCli.run("preflight", folder.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("huge.png");
        assertThat(run.err()).doesNotContain("\tat ");

        FldCli.Run skip = FldCli.run("score", "--ref", ref.toString(), folder.toString(), "--on-error", "skip",
                "--json", "-q");
        assertThat(skip.code()).as(skip.err()).isZero();
        JsonNode result = FldCli.json(skip.out()).get("result");
        assertThat(result.get("skipped")).hasSize(1);
        assertThat(result.get("skipped").get(0).get("input").asText()).contains("huge.png");
        assertThat(result.get("generated").asInt()).isEqualTo(12);
    }

    @Test
    void aReferenceWithNanParametersOrDeepJsonIsBadInputForInfoAndScore() throws IOException {
        Path nan = rewrite("nan.fld", "flow.fld4j", nanFlow());
        clearFailure(FldCli.run("info", nan.toString()), 3, "nan.fld", "NaN");
        clearFailure(FldCli.run("score", "--ref", nan.toString(), good.toString()), 3, "nan.fld");
        Path deep = rewrite("deep.fld", "reference.json",
                ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.UTF_8));
        clearFailure(FldCli.run("info", deep.toString()), 3, "deep.fld");
    }

    @Test
    void absurdResourceOptionsAreUsageErrorsBeforeAnyWork() {
        clearFailure(FldCli.run("score", "--ref", ref.toString(), good.toString(), "--bootstrap", "2000000000"), 2,
                "--bootstrap");
        clearFailure(FldCli.run("score", good.toString(), good.toString(), "--batch", "2000000000"), 2, "--batch");
    }

    private static byte[] nanFlow() throws IOException {
        Path inner = dir.resolve("inner.fld4j");
        org.fld4j.core.FlowNetwork network = Fld.load(ref).reference().flow().toNetwork();
        network.parameters().putScalar(0, Float.NaN);
        Flow.of(network).save(inner);
        return Files.readAllBytes(inner);
    }

    /** A copy of the reference with one entry replaced. */
    private static Path rewrite(String name, String entry, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (ZipFile zip = new ZipFile(ref.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(entry) ? content : zip.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
        }
        return file;
    }

    private static byte[] npyHeader(String dict) {
        StringBuilder header = new StringBuilder(dict);
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + header.length());
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.put((byte) (header.length() & 0xFF)).put((byte) (header.length() >> 8));
        b.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
