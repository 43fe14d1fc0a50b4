package org.fld4j.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fld4j.core.Flow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Crafted flow files: a real saved flow whose {@code flow.json} and {@code parameters.npy} are rewritten to lie
 * (sizes of 10^9, versions that are not integers, fields of the wrong type, nesting 200,000 deep, entries that
 * inflate to a gigabyte, non-finite parameters), and random mutations of the whole file. Each must load or be
 * refused naming the file ({@link ReadContract}).
 */
@Tag("fuzz")
@net.jqwik.api.Tag("fuzz")
class FlowFileCorpusTest {

    private static final Path ROOT = Path.of("target", "fuzz-cases", "flows");
    private static final Map<String, byte[]> VALID = entries(validFlowFile());

    private record Case(String name, byte[] file) {
    }

    @TestFactory
    Stream<DynamicTest> everyCraftedFlowFileLoadsOrIsRefusedNamingIt() {
        List<Case> cases = new ArrayList<>();
        String json = new String(VALID.get("flow.json"), StandardCharsets.UTF_8);
        byte[] parameters = VALID.get("parameters.npy");
        cases.add(new Case("valid", file(json, parameters)));
        String[][] edits = {
            {"\"formatVersion\": 1", "\"formatVersion\": 1.9"},
            {"\"formatVersion\": 1", "\"formatVersion\": 4294967297"},
            {"\"formatVersion\": 1", "\"formatVersion\": \"1\""},
            {"\"formatVersion\": 1", "\"formatVersion\": null"},
            {"\"formatVersion\": 1", "\"formatVersion\": -1"},
            {"\"formatVersion\": 1", "\"formatVersion\": 2"},
            {"\"formatVersion\": 1,", ""},
            {"\"format\": \"fld4j-flow\"", "\"format\": \"something-else\""},
            {"\"sampleShape\": [4]", "\"sampleShape\": [10000000000]"},
            {"\"sampleShape\": [4]", "\"sampleShape\": []"},
            {"\"sampleShape\": [4]", "\"sampleShape\": [-4]"},
            {"\"sampleShape\": [4]", "\"sampleShape\": [0]"},
            {"\"sampleShape\": [4]", "\"sampleShape\": [4.5]"},
            {"\"sampleShape\": [4]", "\"sampleShape\": [\"4\"]"},
            {"\"sampleShape\": [4]", "\"sampleShape\": [2, 2]"},
            {"\"sampleShape\": [4]", "\"sampleShape\": 4"},
            {"\"dataType\": \"FLOAT\"", "\"dataType\": \"UTF8\""},
            {"\"dataType\": \"FLOAT\"", "\"dataType\": \"DOUBLE\""},
            {"\"dataType\": \"FLOAT\"", "\"dataType\": 5"},
            {"\"hidden\": [8, 8]", "\"hidden\": [1000000000]"},
            {"\"hidden\": [8, 8]", "\"hidden\": [2147483647, 2147483647]"},
            {"\"hidden\": [8, 8]", "\"hidden\": [-8]"},
            {"\"hidden\": [8, 8]", "\"hidden\": [0]"},
            {"\"hidden\": [8, 8]", "\"hidden\": []"},
            {"\"hidden\": [8, 8]", "\"hidden\": [8.5]"},
            {"\"dimension\": 4", "\"dimension\": 1099511627776"},
            {"\"dimension\": 4", "\"dimension\": 2.5"},
            {"\"dimension\": 4", "\"dimension\": \"4\""},
            {"\"activation\": \"", "\"activation\": \"NO_SUCH_"},
            {"\"type\": \"", "\"type\": \"no-such-layer-"},
            {"\"layers\": [", "\"layers\": {}, \"unused\": ["},
        };
        for (String[] edit : edits) {
            assertThat(json).as("the valid description holds " + edit[0]).contains(edit[0]);
            cases.add(new Case("flow.json: " + edit[0] + " -> " + (edit[1].isEmpty() ? "(removed)" : edit[1]),
                    file(json.replaceFirst(java.util.regex.Pattern.quote(edit[0]),
                            java.util.regex.Matcher.quoteReplacement(edit[1])), parameters)));
        }
        java.util.regex.Matcher declaredCount = java.util.regex.Pattern.compile("\"parameterCount\": (\\d+)")
                .matcher(json);
        assertThat(declaredCount.find()).isTrue();
        long count = Long.parseLong(declaredCount.group(1));
        for (String declared : new String[] {"0", "-1", "1000000000000000000", String.valueOf(count + 1), "\"x\""}) {
            cases.add(new Case("flow.json: parameterCount " + declared,
                    file(json.replace("\"parameterCount\": " + count, "\"parameterCount\": " + declared), parameters)));
        }
        cases.add(new Case("flow.json nested 200,000 deep", file("[".repeat(200_000) + "]".repeat(200_000),
                parameters)));
        cases.add(new Case("flow.json nested inside the description", file(json.replace("\"layers\": [",
                "\"deep\": " + "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000) + ", \"layers\": ["), parameters)));
        cases.add(new Case("flow.json empty", file("", parameters)));
        cases.add(new Case("flow.json not JSON", file("{'format': fld4j}", parameters)));
        cases.add(new Case("flow.json a 20 MB string", file("\"" + "x".repeat(20 << 20) + "\"", parameters)));
        cases.add(new Case("flow.json inflates to 1 GiB behind a small header",
                lyingZip("flow.json", "{\"format\": \"".getBytes(StandardCharsets.UTF_8), 1L << 30, 100,
                        "parameters.npy", parameters)));
        cases.add(new Case("parameters.npy inflates to 1 GiB behind a small header",
                lyingZip("parameters.npy", java.util.Arrays.copyOf(parameters, 128), 1L << 30, parameters.length,
                        "flow.json", VALID.get("flow.json"))));
        int dataStart = parameters.length - 4 * (int) count;
        cases.add(new Case("parameters all NaN", file(json, withValues(parameters, dataStart, Float.NaN))));
        cases.add(new Case("parameters all infinite", file(json, withValues(parameters, dataStart, Float.NEGATIVE_INFINITY))));
        cases.add(new Case("parameters all 1e30", file(json, withValues(parameters, dataStart, 1e30f))));
        cases.add(new Case("parameters one value short", file(json, java.util.Arrays.copyOf(parameters, parameters.length - 4))));
        cases.add(new Case("parameters one value long", file(json, java.util.Arrays.copyOf(parameters, parameters.length + 4))));
        cases.add(new Case("parameters not NPY", file(json, "not an array".getBytes(StandardCharsets.UTF_8))));
        cases.add(new Case("parameters stored as int32", file(json, new String(parameters, StandardCharsets.ISO_8859_1)
                .replace("<f4", "<i4").getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(new Case("parameters declare 10^12 values", file(json, new String(parameters, StandardCharsets.ISO_8859_1)
                .replaceFirst("\\(\\d+,\\)", "(1000000000000,)").getBytes(StandardCharsets.ISO_8859_1))));
        cases.add(new Case("no parameters entry", zip("flow.json", VALID.get("flow.json"))));
        cases.add(new Case("no description entry", zip("parameters.npy", parameters)));
        cases.add(new Case("empty zip", zip()));
        cases.add(new Case("empty file", new byte[0]));
        cases.add(new Case("PK and nothing else", new byte[] {'P', 'K', 3, 4}));
        byte[] valid = validFlowFile();
        cases.add(new Case("cut in half", java.util.Arrays.copyOf(valid, valid.length / 2)));
        cases.add(new Case("last byte missing", java.util.Arrays.copyOf(valid, valid.length - 1)));
        Object[] many = new Object[400];
        for (int i = 0; i < 200; i++) {
            many[2 * i] = "extra-" + i;
            many[2 * i + 1] = new byte[1];
        }
        cases.add(new Case("200 extra entries", zip(many)));
        byte[] random = new byte[4096];
        new Random(5).nextBytes(random);
        cases.add(new Case("random bytes", random));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c.name(), c.file())));
    }

    /** Random byte edits of a valid flow file (bytes overwritten, the file cut, bytes inserted). */
    @Property(tries = 200, seed = "16")
    void mutatedFlowFilesLoadOrAreRefusedNamingTheFile(@ForAll("edits") List<int[]> edits) throws IOException {
        byte[] b = validFlowFile();
        for (int[] e : edits) {
            int at = Math.floorMod(e[1], b.length);
            if (e[0] == 0) {
                b[at] = (byte) e[2];
            } else if (e[0] == 1) {
                b = java.util.Arrays.copyOf(b, at);
            } else {
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) e[2];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                b = out;
            }
            if (b.length == 0) {
                break;
            }
        }
        check("mutation", b);
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, 2).flatMap(kind -> Arbitraries.integers()
                .between(0, 1 << 20).flatMap(at -> Arbitraries.integers().between(0, 255)
                        .map(value -> new int[] {kind, at, value})));
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    private static void check(String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(ROOT.resolve(Integer.toHexString(name.hashCode())));
        Path file = Files.write(folder.resolve("flow.fld4j"), bytes);
        ReadContract.holds(file, () -> Flow.load(file).logProb(org.nd4j.linalg.factory.Nd4j.ones(2, 4)));
    }

    private static byte[] validFlowFile() {
        try {
            Path dir = Files.createDirectories(ROOT);
            Path file = dir.resolve("valid.fld4j");
            Flow.dense(4).couplings(2).hidden(8).seed(1).build().save(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] file(String json, byte[] parameters) {
        return zip("flow.json", json.getBytes(StandardCharsets.UTF_8), "parameters.npy", parameters);
    }

    private static byte[] withValues(byte[] npy, int dataStart, float value) {
        byte[] out = npy.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = dataStart; i + 4 <= out.length; i += 4) {
            b.putFloat(i, value);
        }
        return out;
    }

    static byte[] zip(Object... namesAndBytes) {
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

    /**
     * A zip whose entry {@code name} is {@code prefix} and then {@code zeros} zero bytes, its headers claiming
     * {@code declared} bytes, followed by a normal entry.
     */
    static byte[] lyingZip(String name, byte[] prefix, long zeros, int declared, String otherName, byte[] other) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(prefix);
            byte[] block = new byte[1 << 16];
            for (long left = zeros; left > 0; left -= block.length) {
                zip.write(block, 0, (int) Math.min(block.length, left));
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(otherName));
            zip.write(other);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 28 <= bytes.length; i++) {
            int signature = b.getInt(i);
            if (signature == 0x08074b50 && b.getInt(i + 12) > declared) {
                b.putInt(i + 12, declared);
            } else if (signature == 0x02014b50 && b.getInt(i + 24) > declared && i + 46 + name.length() <= bytes.length
                    && new String(bytes, i + 46, name.length(), StandardCharsets.UTF_8).equals(name)) {
                b.putInt(i + 24, declared);
            }
        }
        return bytes;
    }
}
