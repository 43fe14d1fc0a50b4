package org.fld4j.cli.distort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.fld4j.cli.CommandLineRun;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.DistortedSource;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fld distort} end to end on a folder made here: what it writes equals the library's distorted images, it
 * never touches its source, and it refuses outputs that would mix with earlier ones or with the source.
 */
class DistortCommandTest {

    @TempDir
    Path root;

    private Path source;
    private Map<Path, String> sourceHashes;

    /** Three 12x10 gray PNGs (one in a sub-folder), one 12x10 colour PNG, random content from a fixed seed. */
    @BeforeEach
    void makeSource() throws IOException {
        source = Files.createDirectory(root.resolve("src"));
        Random random = new Random(42);
        writePng(source.resolve("a.png"), BufferedImage.TYPE_BYTE_GRAY, random);
        writePng(source.resolve("b.png"), BufferedImage.TYPE_BYTE_GRAY, random);
        writePng(source.resolve("colour.png"), BufferedImage.TYPE_3BYTE_BGR, random);
        writePng(Files.createDirectory(source.resolve("sub")).resolve("c.png"), BufferedImage.TYPE_BYTE_GRAY, random);
        sourceHashes = hashes(source);
    }

    private static void writePng(Path file, int type, Random random) throws IOException {
        BufferedImage image = new BufferedImage(10, 12, type);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
    }

    /** SHA-256 of every file under {@code dir} by relative path: the listing and the content at once. */
    private static Map<Path, String> hashes(Path dir) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f), sha256(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertSourceUntouched() throws IOException {
        assertThat(hashes(source)).isEqualTo(sourceHashes);
        try (Stream<Path> all = Files.walk(source)) {
            // no temporary or extra entries either, folders included
            assertThat(all.map(p -> source.relativize(p).toString()).sorted().toList())
                    .containsExactly("", "a.png", "b.png", "colour.png", "sub", "sub/c.png");
        }
    }

    private CommandLineRun distort(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("-q", "distort", source.toString()));
        args.addAll(List.of(more));
        return CommandLineRun.of(args.toArray(String[]::new));
    }

    @Test
    void writtenImagesEqualTheLibrarysDistortedImagesPixelForPixel() throws IOException {
        Path out = root.resolve("out");
        CommandLineRun run = distort("--kind", "additive-noise", "--levels", "8,32.5", "--seed", "5", "--out",
                out.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode result = run.result();
        assertThat(result.get("kind").asText()).isEqualTo("additive-noise");
        assertThat(result.get("written").asInt()).isEqualTo(6); // 3 images (not the sub-folder) x 2 levels
        assertThat(result.get("levels").get(0).get("folder").asText()).isEqualTo("additive-noise-8");
        assertThat(result.get("levels").get(1).get("folder").asText()).isEqualTo("additive-noise-32.5");
        assertThat(result.get("skipped")).isEmpty();

        ImageSource original = ImageSources.folder(source).recursive(false).build();
        assertThat(original.size()).isEqualTo(3); // the sub-folder needs --recursive
        for (double level : new double[] {8, 32.5}) {
            Path folder = out.resolve(level == 8 ? "additive-noise-8" : "additive-noise-32.5");
            DistortedSource expected = Distortion.of(DistortionKind.ADDITIVE_NOISE, level).applyTo(original, 5);
            ImageSource written = ImageSources.folder(folder).build();
            assertThat(written.size()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(written.id(i).name()).isEqualTo(original.id(i).name());
                assertThat(written.read(i).image()).as("%s at %s", original.id(i), level)
                        .isEqualTo(expected.read(i).image());
                assertThat(written.read(i).image()).isNotEqualTo(original.read(i).image());
            }
        }
        assertSourceUntouched();
    }

    @Test
    void recursiveKeepsSubFoldersAndOtherNamesBecomePng() throws IOException {
        Files.copy(source.resolve("sub/c.png"), source.resolve("sub/d.bmp.png"));
        ImageIO.write(ImageIO.read(source.resolve("a.png").toFile()), "bmp", source.resolve("e.bmp").toFile());
        sourceHashes = hashes(source);
        Path out = root.resolve("out");
        CommandLineRun run = distort("--recursive", "--kind", "blur", "--levels", "1", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(hashes(out.resolve("blur-1")).keySet().stream().map(Path::toString).sorted().toList())
                .containsExactly("a.png", "b.png", "colour.png", "e.png", "sub/c.png", "sub/d.bmp.png");
        assertThat(run.out()).contains("blur-1/").contains("6 PNG file(s) written from 6 listed input(s)");
        assertThat(hashes(source)).isEqualTo(sourceHashes);
    }

    @Test
    void theSameSeedReproducesTheFilesAndAnotherSeedDoesNot() throws IOException {
        for (String name : new String[] {"one", "two", "three"}) {
            String seed = name.equals("three") ? "8" : "7";
            assertThat(distort("--kind", "salt-and-pepper", "--levels", "0.2", "--seed", seed, "--out",
                    root.resolve(name).toString()).status()).isZero();
        }
        Map<Path, String> one = hashes(root.resolve("one"));
        assertThat(one).hasSize(3).isEqualTo(hashes(root.resolve("two")));
        assertThat(hashes(root.resolve("three"))).isNotEqualTo(one);
    }

    @Test
    void aNonEmptyOutNeedsForce() throws IOException {
        Path out = Files.createDirectory(root.resolve("out"));
        Path earlier = Files.writeString(out.resolve("earlier.txt"), "keep me", StandardCharsets.UTF_8);
        CommandLineRun refused = distort("--kind", "jpeg", "--levels", "50", "--out", out.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains(out.toString()).contains("--force");
        assertThat(hashes(out)).containsOnlyKeys(Path.of("earlier.txt"));

        CommandLineRun forced = distort("--kind", "jpeg", "--levels", "50", "--out", out.toString(), "--force");
        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(Files.readString(earlier)).isEqualTo("keep me");
        assertThat(hashes(out.resolve("jpeg-50"))).hasSize(3);
        assertSourceUntouched();
    }

    @Test
    void anOutThatOverlapsTheSourceIsRefused() throws IOException {
        List<Path> overlapping = List.of(source, source.resolve("new"), source.resolve("sub"),
                source.resolve("sub/../new2"), root);
        for (Path out : overlapping) {
            CommandLineRun run = distort("--kind", "blend", "--levels", "0.1", "--out", out.toString(), "--force");
            assertThat(run.status()).as("%s: %s", out, run.err()).isEqualTo(2);
            assertThat(run.err()).contains("inputs are never written into");
        }
        // a link that leads into the source is followed
        Path link = Files.createSymbolicLink(root.resolve("link"), source.resolve("sub"));
        CommandLineRun viaLink = distort("--kind", "blend", "--levels", "0.1", "--out", link.resolve("x").toString());
        assertThat(viaLink.status()).isEqualTo(2);
        assertSourceUntouched();
        assertThat(Files.exists(source.resolve("new"))).isFalse();
    }

    @Test
    void badImagesFollowOnError() throws IOException {
        Files.writeString(source.resolve("broken.png"), "not a png", StandardCharsets.UTF_8);
        sourceHashes = hashes(source);
        Path failOut = root.resolve("fail");
        CommandLineRun fail = distort("--kind", "occlusion", "--levels", "0.2", "--out", failOut.toString());
        assertThat(fail.status()).isEqualTo(3);
        assertThat(fail.err()).contains("broken.png").contains("nothing was written");
        assertThat(hashes(failOut)).isEmpty();

        Path skipOut = root.resolve("skip");
        CommandLineRun skip = distort("--kind", "occlusion", "--levels", "0.2,0.4", "--out", skipOut.toString(),
                "--on-error", "skip", "--json");
        assertThat(skip.status()).as(skip.err()).isZero();
        assertThat(skip.result().get("listed").asInt()).isEqualTo(4);
        assertThat(skip.result().get("written").asInt()).isEqualTo(6);
        assertThat(skip.result().get("skipped")).hasSize(1);
        assertThat(skip.result().get("skipped").get(0).get("input").asText()).endsWith("broken.png");
        assertThat(hashes(skipOut.resolve("occlusion-0.4"))).hasSize(3);
        assertThat(hashes(source)).isEqualTo(sourceHashes);
        assertThat(ImageSources.folder(source).badInput(BadInputPolicy.SKIP).build().size()).isEqualTo(4);
    }

    @Test
    void wrongLevelsAndKindsAreUsageErrors() {
        Path out = root.resolve("out");
        assertThat(distort("--kind", "sideways", "--out", out.toString()).status()).isEqualTo(2);
        assertThat(distort("--kind", "jpeg", "--levels", "150", "--out", out.toString()).status()).isEqualTo(2);
        assertThat(distort("--kind", "blur", "--levels", "1,1", "--out", out.toString()).status()).isEqualTo(2);
        assertThat(distort("--kind", "blur", "--out", out.toString(), "--format", "jpg").status()).isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void withoutLevelsTheKindsDefaultLadderIsWritten() throws IOException {
        Path out = root.resolve("out");
        CommandLineRun run = distort("--kind", "pixelate", "--out", out.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        try (Stream<Path> folders = Files.list(out)) {
            assertThat(folders.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("pixelate-12", "pixelate-16", "pixelate-2", "pixelate-4", "pixelate-8");
        }
        assertThat(run.json().get("provenance").get("seed").asLong()).isZero();
    }
}
