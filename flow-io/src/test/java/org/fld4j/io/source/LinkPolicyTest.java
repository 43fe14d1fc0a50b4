package org.fld4j.io.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.ImageWarning;
import org.fld4j.io.InputProblem;
import org.fld4j.io.SkippedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links in image folders: folder links like folders, file links by the chosen policy. */
class LinkPolicyTest {

    @TempDir
    Path dir;

    /**
     * in/a.png, in/sub/b.png (a real sub-folder), in/linked-sub -> in/sub, in/inside.png -> in/a.png,
     * in/outside.png -> elsewhere/c.png.
     */
    private Path folder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Fixtures.write(Fixtures.rgb(4, 4, 1), "png", in.resolve("a.png"));
        Files.createDirectories(in.resolve("sub"));
        Fixtures.write(Fixtures.rgb(4, 4, 2), "png", in.resolve("sub/b.png"));
        Fixtures.write(Fixtures.rgb(4, 4, 3), "png", elsewhere.resolve("c.png"));
        Files.createSymbolicLink(in.resolve("linked-sub"), in.resolve("sub"));
        Files.createSymbolicLink(in.resolve("inside.png"), in.resolve("a.png"));
        Files.createSymbolicLink(in.resolve("outside.png"), elsewhere.resolve("c.png"));
        return in;
    }

    private static List<String> names(ImageSource source) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            names.add(source.id(i).name());
        }
        return names;
    }

    @Test
    void aFolderLinkIsLeftOutLikeARealSubFolderWhenNotRecursive() throws IOException {
        ImageSource source = ImageSources.folder(folder()).build();
        assertThat(names(source)).containsExactly("a.png", "inside.png", "outside.png");
        for (int i = 0; i < source.size(); i++) {
            assertThat(source.read(i).image().width()).isEqualTo(4);
        }
    }

    @Test
    void byDefaultLinksAreFollowedAndThoseLeavingTheFolderReported() throws IOException {
        ImageSource source = ImageSources.folder(folder()).build();
        assertThat(source.listingReport().warningCounts()).containsEntry(ImageWarning.LINK_LEAVES_FOLDER, 1L);
        assertThat(source.listingReport().warningExamples(ImageWarning.LINK_LEAVES_FOLDER))
                .containsExactly("outside.png");
        ImageSource recursive = ImageSources.folder(dir.resolve("in")).recursive(true).build();
        assertThat(names(recursive)).containsExactly("a.png", "inside.png", "linked-sub/b.png", "outside.png",
                "sub/b.png");
    }

    @Test
    void insideRefusesLinksThatLeaveTheFolder() throws IOException {
        Path in = folder();
        assertThatThrownBy(() -> ImageSources.folder(in).links(LinkPolicy.INSIDE).build())
                .isInstanceOfSatisfying(ImageInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(InputProblem.LINK_OUTSIDE_FOLDER);
                    assertThat(e.input()).isEqualTo("outside.png");
                });
        ImageSource skipping = ImageSources.folder(in).links(LinkPolicy.INSIDE).badInput(BadInputPolicy.SKIP).build();
        assertThat(names(skipping)).containsExactly("a.png", "inside.png");
        assertThat(skipping.listingReport().skipped()).extracting(SkippedImage::input).containsExactly("outside.png");
    }

    @Test
    void ignoreLeavesOutEveryLink() throws IOException {
        ImageSource source = ImageSources.folder(folder()).links(LinkPolicy.IGNORE).recursive(true).build();
        assertThat(names(source)).containsExactly("a.png", "sub/b.png");
        assertThat(source.listingReport().ignored()).containsExactlyInAnyOrder("inside.png (symbolic link)",
                "outside.png (symbolic link)", "linked-sub (symbolic link)");
    }
}
