package org.fld4j.io.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.preflight.PreflightScanner;
import org.fld4j.io.preflight.PreflightSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Fixtures.write(Fixtures.rgb(4, 4, 1), "png", dir.resolve("b.PNG"));
        Fixtures.write(Fixtures.rgb(4, 4, 2), "png", dir.resolve("a.png"));
        Fixtures.write(Fixtures.rgb(4, 4, 3), "jpg", dir.resolve("c.JpEg"));
        Fixtures.write(Fixtures.gray(4, 4, 4), "png", dir.resolve(".hidden.png"));
        Fixtures.bytes(dir.resolve("readme.txt"), "hello".getBytes(StandardCharsets.UTF_8));
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Fixtures.write(Fixtures.rgb(4, 4, 5), "bmp", sub.resolve("d.bmp"));
    }

    private static List<String> names(ImageSource source) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            out.add(source.id(i).name());
        }
        return out;
    }

    @Test
    void listsInCodePointOrderWithCaseInsensitiveExtensions() {
        assertThat(names(ImageSources.folder(dir).build()))
                .containsExactly(".hidden.png", "a.png", "b.PNG", "c.JpEg", "readme.txt");
        assertThat(names(ImageSources.folder(dir).recursive(true).build()))
                .containsExactly(".hidden.png", "a.png", "b.PNG", "c.JpEg", "readme.txt", "sub/d.bmp");
        ImageSource filtered = ImageSources.folder(dir).recursive(true).ignoreHidden(true).ignoreNonImages(true)
                .build();
        assertThat(names(filtered)).containsExactly("a.png", "b.PNG", "c.JpEg", "sub/d.bmp");
        assertThat(filtered.listingReport().ignored()).containsExactlyInAnyOrder(".hidden.png (hidden file)",
                "readme.txt (not an image file extension)");
        assertThat(filtered.read(3).image().sample(0, 0, 0)).isEqualTo(Fixtures.r(5, 0, 0));
    }

    @Test
    void explicitFileListKeepsTheGivenOrderAndRejectsFolderOptions() {
        ImageSource files = ImageSources.files(List.of(dir.resolve("b.PNG"), dir.resolve("a.png"))).build();
        assertThat(files.read(0).image().sample(0, 0, 0)).isEqualTo(Fixtures.r(1, 0, 0));
        assertThat(files.file(1)).contains(dir.resolve("a.png"));
        assertThatThrownBy(() -> ImageSources.files(List.of(dir.resolve("a.png"))).recursive(true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("recursive");
    }

    @Test
    void preflightCountsFromHeadersAndListsUnknownExtensionsAndProblems() throws Exception {
        Path p = Files.createDirectories(dir.resolve("preflight"));
        Fixtures.write(Fixtures.rgb(4, 4, 0), "png", p.resolve("rgb1.png"));
        Fixtures.write(Fixtures.rgb(4, 4, 9), "png", p.resolve("rgb2.png"));
        Fixtures.write(Fixtures.gray(4, 4, 0), "png", p.resolve("gray.png"));
        Fixtures.write(new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY), "png", p.resolve("deep.png"));
        Fixtures.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB), "png", p.resolve("alpha.png"));
        Fixtures.write(Fixtures.rgb(4, 4, 0), "jpg", p.resolve("photo.jpg"));
        Fixtures.write(Fixtures.rgb(4, 4, 0), "png", p.resolve("no-extension"));
        Fixtures.bytes(p.resolve("empty.png"), new byte[0]);
        Fixtures.bytes(p.resolve("notes.txt"), "x".getBytes(StandardCharsets.UTF_8));

        PreflightSummary summary = PreflightScanner.scan(ImageSources.folder(p).badInput(BadInputPolicy.SKIP).build());
        assertThat(summary.listed()).isEqualTo(9);
        assertThat(summary.formatCounts()).containsOnly(java.util.Map.entry("PNG", 6), java.util.Map.entry("JPEG", 1));
        assertThat(summary.sizeCounts()).containsOnly(java.util.Map.entry("4x4", 6), java.util.Map.entry("3x2", 1));
        assertThat(summary.grayCount()).isEqualTo(2);
        assertThat(summary.colorCount()).isEqualTo(5);
        assertThat(summary.alphaCount()).isEqualTo(1);
        assertThat(summary.sixteenBitCount()).isEqualTo(1);
        assertThat(summary.unknownExtensions()).containsExactly("no-extension", "notes.txt");
        assertThat(summary.problems()).extracting(SkippedImage::input).containsExactly("empty.png", "notes.txt");
        assertThat(summary.problems()).extracting(SkippedImage::problem)
                .containsExactly(InputProblem.EMPTY_FILE, InputProblem.UNKNOWN_FORMAT);
        assertThat(summary.usable()).isEqualTo(7);
        assertThat(summary.format()).contains("PNG=6", "JPEG=1", "3x2=1", "4x4=6", "16-bit: 1", "with alpha: 1",
                "empty.png", "notes.txt", "would be skipped", "mixed sizes");
    }
}
