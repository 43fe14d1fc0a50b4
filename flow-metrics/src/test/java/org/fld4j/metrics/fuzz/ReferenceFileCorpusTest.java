package org.fld4j.metrics.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.metrics.fld.Fld;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Crafted FLD reference files: a real saved reference whose {@code reference.json} and inner flow are rewritten
 * to lie (versions, options out of range such as 2e9 bootstrap resamples, non-finite held-out values, another
 * image shape, deep nesting, an inner flow with NaN or absurd parameters, entries that inflate to a gigabyte), and
 * byte mutations of the whole file. Each loads and scores, or is refused naming the reference
 * ({@link ReadContract}).
 */
@Tag("fuzz")
@net.jqwik.api.Tag("fuzz")
class ReferenceFileCorpusTest {

    private static final Path ROOT = Path.of("target", "fuzz-cases", "references");
    private static final byte[] VALID = validReference();
    private static final String JSON = entry(VALID, "reference.json");
    private static final byte[] FLOW = entry(VALID, "flow.fld4j").getBytes(StandardCharsets.ISO_8859_1);

    private record Case(String name, byte[] file) {
    }

    @TestFactory
    Stream<DynamicTest> everyCraftedReferenceLoadsOrIsRefusedNamingIt() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("valid", VALID));
        String[][] edits = {
            {"\"version\": 1", "\"version\": 1.9"},
            {"\"version\": 1", "\"version\": 4294967297"},
            {"\"version\": 1", "\"version\": \"1\""},
            {"\"version\": 1,", ""},
            {"\"format\": \"fld4j-fld-reference\"", "\"format\": \"fld4j-flow\""},
            {"\"bootstrapResamples\": 1000", "\"bootstrapResamples\": 2000000000"},
            {"\"bootstrapResamples\": 1000", "\"bootstrapResamples\": -5"},
            {"\"confidence\": 0.95", "\"confidence\": 7"},
            {"\"confidence\": 0.95", "\"confidence\": \"high\""},
            {"\"evaluationBatchSize\": ", "\"evaluationBatchSize\": 2000000000, \"x\": "},
            {"\"heldOutFraction\": 0.2", "\"heldOutFraction\": 1e308"},
            {"\"preset\": \"", "\"preset\": \"no-such-"},
            {"\"imageShape\": [1, 8, 8]", "\"imageShape\": [3, 64, 64]"},
            {"\"imageShape\": [1, 8, 8]", "\"imageShape\": [1000000000, 8, 8]"},
            {"\"imageShape\": [1, 8, 8]", "\"imageShape\": \"1x8x8\""},
            {"\"heldOutLogLikelihoods\": [", "\"heldOutLogLikelihoods\": [-1e400, "},
            {"\"heldOutLogLikelihoods\": [", "\"heldOutLogLikelihoods\": [\"NaN\", "},
            {"\"heldOutLogLikelihoods\": [", "\"heldOutLogLikelihoods\": {}, \"unused\": ["},
            {"\"heldOutNames\": [", "\"heldOutNames\": [1, "},
            {"\"realImages\": ", "\"realImages\": -1, \"unused\": "},
            {"\"options\": {", "\"options\": " + "{\"a\": ".repeat(50_000) + "1" + "}".repeat(50_000)
                    + ", \"unused\": {"},
        };
        for (String[] edit : edits) {
            assertThat(JSON).as("the valid reference.json holds " + edit[0]).contains(edit[0]);
            cases.add(new Case("reference.json: " + abbreviate(edit[0]) + " -> "
                    + (edit[1].isEmpty() ? "(removed)" : abbreviate(edit[1])),
                    reference(JSON.replaceFirst(Pattern.quote(edit[0]), Matcher.quoteReplacement(edit[1])), FLOW)));
        }
        cases.add(new Case("reference.json nested 200,000 deep", reference("[".repeat(200_000)
                + "]".repeat(200_000), FLOW)));
        cases.add(new Case("reference.json empty", reference("", FLOW)));
        cases.add(new Case("reference.json 70 MB", reference("\"" + "x".repeat(70 << 20) + "\"", FLOW)));
        cases.add(new Case("inner flow with NaN parameters", reference(JSON, innerFlow(Float.NaN))));
        cases.add(new Case("inner flow with parameters of 1e30", reference(JSON, innerFlow(1e30f))));
        cases.add(new Case("inner flow not a flow", reference(JSON, "garbage".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("inner flow cut in half", reference(JSON, java.util.Arrays.copyOf(FLOW, FLOW.length / 2))));
        cases.add(new Case("no inner flow", zip("reference.json", JSON.getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("no reference.json", zip("flow.fld4j", FLOW)));
        cases.add(new Case("a flow file, not a reference", FLOW));
        cases.add(new Case("empty file", new byte[0]));
        cases.add(new Case("inner flow inflates to 1 GiB", bomb("flow.fld4j", "reference.json",
                JSON.getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("reference.json inflates to 1 GiB", bomb("reference.json", "flow.fld4j", FLOW)));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c.name(), c.file())));
    }

    @Property(tries = 100, seed = "16")
    void mutatedReferencesLoadOrAreRefusedNamingTheFile(@ForAll @IntRange(min = 0, max = 1 << 20) int at,
                                                        @ForAll @IntRange(min = 0, max = 255) int value,
                                                        @ForAll @IntRange(min = 0, max = 2) int kind) throws IOException {
        byte[] b = VALID.clone();
        int p = Math.floorMod(at, b.length);
        if (kind == 0) {
            b[p] = (byte) value;
        } else if (kind == 1) {
            b = java.util.Arrays.copyOf(b, p);
        } else {
            for (int i = p; i < Math.min(b.length, p + 16); i++) {
                b[i] = (byte) (value + i);
            }
        }
        check("mutation", b);
    }

    private static void check(String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(ROOT.resolve(Integer.toHexString(name.hashCode())));
        Path file = Files.write(folder.resolve("ref.fld"), bytes);
        INDArray images = Nd4j.createFromArray(pixels(4 * 64, 11)).reshape(4, 1, 8, 8);
        ReadContract.holds(file, () -> Fld.load(file).score(images).value());
    }

    private static byte[] validReference() {
        try {
            Path dir = Files.createDirectories(ROOT);
            Flow flow = Flow.image(1, 8, 8).preset(ImagePreset.SMALL).build();
            INDArray heldOut = Nd4j.createFromArray(pixels(6 * 64, 3)).reshape(6, 1, 8, 8);
            Path file = dir.resolve("valid.fld");
            Fld.using(flow, heldOut).save(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] pixels(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(256);
        }
        return values;
    }

    /** The inner flow with every parameter set to {@code value}. */
    private static byte[] innerFlow(float value) {
        try {
            Path dir = Files.createDirectories(ROOT);
            Path file = Files.write(dir.resolve("inner.fld4j"), FLOW);
            org.fld4j.core.FlowNetwork network = Flow.load(file).toNetwork();
            network.parameters().assign(1.0f);
            Path saved = dir.resolve("inner-edited.fld4j");
            Flow.of(network).save(saved);
            String npy = entry(Files.readAllBytes(saved), "parameters.npy");
            byte[] raw = npy.getBytes(StandardCharsets.ISO_8859_1);
            byte[] one = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1.0f).array();
            byte[] replacement = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(value)
                    .array();
            int header = raw.length - 4 * (int) network.parameterCount();
            for (int i = header; i + 4 <= raw.length; i += 4) {
                assertThat(java.util.Arrays.copyOfRange(raw, i, i + 4)).isEqualTo(one);
                System.arraycopy(replacement, 0, raw, i, 4);
            }
            return zip("flow.json", entry(Files.readAllBytes(saved), "flow.json").getBytes(StandardCharsets.ISO_8859_1),
                    "parameters.npy", raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(byte[] zipBytes, String name) {
        try {
            Path file = Files.write(Files.createDirectories(ROOT).resolve("entry.zip"), zipBytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] reference(String json, byte[] flow) {
        return zip("reference.json", json.getBytes(StandardCharsets.UTF_8), "flow.fld4j", flow);
    }

    private static byte[] zip(Object... namesAndBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                zip.write((byte[]) namesAndBytes[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A reference whose entry {@code name} is 1 GiB of zeros (about 1 MB deflated), beside a normal entry. */
    private static byte[] bomb(String name, String otherName, byte[] other) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(otherName));
            zip.write(other);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < (1 << 30) / block.length; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        return s.length() > 50 ? s.substring(0, 47) + "..." : s;
    }
}
