package org.fld4j.cli.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.fld4j.cli.CommandLineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fld preflight} on folders made here with known content: the counts are those of the files written. */
class PreflightCommandTest {

    @TempDir
    static Path root;

    private static Path mixed;
    private static Path clean;

    /**
     * {@code mixed}: two 28x28 gray PNGs, one 32x32 colour JPEG, and {@code broken.png}, which is text;
     * {@code clean}: three 16x16 colour PNGs.
     */
    @BeforeAll
    static void makeFolders() throws IOException {
        mixed = Files.createDirectory(root.resolve("mixed"));
        write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("a.png"));
        write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("b.png"));
        write(new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR), "jpg", mixed.resolve("c.jpg"));
        Files.writeString(mixed.resolve("broken.png"), "this is not a PNG", StandardCharsets.UTF_8);
        clean = Files.createDirectory(root.resolve("clean"));
        for (String name : new String[] {"x.png", "y.png", "z.png"}) {
            write(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "png", clean.resolve(name));
        }
    }

    private static void write(BufferedImage image, String format, Path file) throws IOException {
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
    }

    @Test
    void jsonCountsWhatTheFolderHolds() {
        CommandLineRun run = CommandLineRun.of("-q", "preflight", mixed.toString(), clean.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode result = run.result();
        assertThat(run.json().get("command").asText()).isEqualTo("preflight");
        assertThat(result.get("onError").asText()).isEqualTo("fail");
        JsonNode set = result.get("sets").get(0);
        assertThat(set.get("spec").asText()).isEqualTo(mixed.toString());
        assertThat(set.get("listed").asInt()).isEqualTo(4);
        assertThat(set.get("usable").asInt()).isEqualTo(3);
        assertThat(counts(set.get("formats"))).isEqualTo(Map.of("PNG", 2, "JPEG", 1));
        assertThat(counts(set.get("sizes"))).isEqualTo(Map.of("28x28", 2, "32x32", 1));
        assertThat(set.get("uniformSize").asBoolean()).isFalse();
        assertThat(set.get("gray").asInt()).isEqualTo(2);
        assertThat(set.get("color").asInt()).isEqualTo(1);
        assertThat(set.get("alpha").asInt()).isZero();
        assertThat(set.get("sixteenBit").asInt()).isZero();
        assertThat(set.get("problems")).hasSize(1);
        assertThat(set.get("problems").get(0).get("input").asText()).endsWith("broken.png");
        assertThat(set.get("problems").get(0).get("problem").asText()).isEqualTo("WRONG_MAGIC");
        assertThat(set.get("failsUnderOnErrorFail").asBoolean()).isTrue();

        JsonNode other = result.get("sets").get(1);
        assertThat(other.get("listed").asInt()).isEqualTo(3);
        assertThat(counts(other.get("formats"))).isEqualTo(Map.of("PNG", 3));
        assertThat(counts(other.get("sizes"))).isEqualTo(Map.of("16x16", 3));
        assertThat(other.get("color").asInt()).isEqualTo(3);
        assertThat(other.get("problems")).isEmpty();
        assertThat(other.get("failsUnderOnErrorFail").asBoolean()).isFalse();

        assertThat(result.get("listed").asInt()).isEqualTo(7);
        assertThat(result.get("usable").asInt()).isEqualTo(6);
        assertThat(result.get("problems").asInt()).isEqualTo(1);
        assertThat(result.get("failsUnderOnErrorFail").asBoolean()).isTrue();
    }

    @Test
    void theTableShowsTheSameCountsAndNamesTheProblemFile() {
        CommandLineRun run = CommandLineRun.of("-q", "preflight", mixed.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("set").contains("listed", "usable", "problems", "formats", "sizes (WxH)");
        assertThat(lines[1].split("\\s{2,}")).containsExactly(mixed.toString(), "4", "3", "1", "JPEG=1, PNG=2",
                "28x28=2, 32x32=1", "2", "1", "0", "0");
        assertThat(run.out()).contains("mixed sizes").contains("WRONG_MAGIC").contains("broken.png")
                .contains("under --on-error fail (the default) reading would fail for " + mixed);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void problemFilesAreNotFatalUnderEitherPolicy() {
        CommandLineRun skip = CommandLineRun.of("-q", "preflight", mixed.toString(), "--on-error", "skip", "--json");
        assertThat(skip.status()).isZero();
        assertThat(skip.result().get("onError").asText()).isEqualTo("skip");
        assertThat(skip.result().get("problems").asInt()).isEqualTo(1);
    }

    @Test
    void aSetThatCannotBeListedEndsWithStatusThree() throws IOException {
        Path missing = root.resolve("missing");
        CommandLineRun run = CommandLineRun.of("-q", "preflight", clean.toString(), missing.toString(), "--json");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(missing.toString());

        Path empty = Files.createDirectories(root.resolve("empty"));
        CommandLineRun none = CommandLineRun.of("-q", "preflight", empty.toString());
        assertThat(none.status()).isEqualTo(3);
        assertThat(none.err()).contains(empty.toString());
    }

    @Test
    void resizeReportsTheSizeTheImagesWillHave() {
        CommandLineRun run = CommandLineRun.of("-q", "preflight", mixed.toString(), "--resize", "8x8", "--json");
        assertThat(counts(run.result().get("sets").get(0).get("sizes"))).isEqualTo(Map.of("8x8", 3));
    }

    private static Map<String, Integer> counts(JsonNode node) {
        Map<String, Integer> out = new java.util.HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }
}
