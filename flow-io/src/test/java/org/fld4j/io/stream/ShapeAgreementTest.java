package org.fld4j.io.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.Fixtures;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.InputReport;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.preprocess.ExpectedShape;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which shape a set must agree on: the one given, else the most common, never the first file's. */
class ShapeAgreementTest {

    @TempDir
    Path dir;

    /** a-odd.png (5 wide, 4 high) sorts first; b-, c-, d-good.png are 4x4; e-gray.png is gray 4x4. */
    private Path folder() {
        Fixtures.write(Fixtures.rgb(5, 4, 0), "png", dir.resolve("a-odd.png"));
        for (String name : new String[] {"b-good.png", "c-good.png", "d-good.png"}) {
            Fixtures.write(Fixtures.rgb(4, 4, name.charAt(0)), "png", dir.resolve(name));
        }
        Fixtures.write(Fixtures.gray(4, 4, 9), "png", dir.resolve("e-gray.png"));
        return dir;
    }

    private static List<String> read(ImageSource source, BatchOptions options, List<SkippedImage> skipped) {
        List<String> names = new ArrayList<>();
        try (ImageBatchStream stream = new ImageBatchStream(source, options)) {
            while (stream.hasNext()) {
                ImageBatch batch = stream.next();
                batch.ids().forEach(id -> names.add(id.name()));
            }
            InputReport report = stream.report();
            skipped.addAll(report.skipped());
        }
        return names;
    }

    @Test
    void underFailTheOddFileIsBlamedNotTheFirstGoodOne() {
        ImageSource source = ImageSources.folder(folder()).build();
        assertThatThrownBy(() -> read(source, BatchOptions.of(8), new ArrayList<>()))
                .isInstanceOfSatisfying(ImageInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("a-odd.png");
                    assertThat(e.problem()).isEqualTo(InputProblem.SIZE_MISMATCH);
                })
                .hasMessageContaining("is 4x5 (HxW) but most images (3 of 5) are 4x4")
                .hasMessageContaining("odd images, 2: a-odd.png, e-gray.png")
                .hasMessageContaining("resize or center-crop")
                .hasMessageNotContaining("SizePolicy");
    }

    @Test
    void underSkipEveryOddFileIsSkippedAndNamedWhereverItSorts() {
        ImageSource source = ImageSources.folder(folder()).badInput(BadInputPolicy.SKIP).build();
        List<SkippedImage> skipped = new ArrayList<>();
        assertThat(read(source, BatchOptions.of(8), skipped)).containsExactly("b-good.png", "c-good.png",
                "d-good.png");
        assertThat(skipped).extracting(SkippedImage::input).containsExactly("a-odd.png", "e-gray.png");
        assertThat(skipped).extracting(SkippedImage::problem).containsExactly(InputProblem.SIZE_MISMATCH,
                InputProblem.CHANNEL_MISMATCH);
        assertThat(skipped.get(1).message()).contains("has 1 channel (gray) but most images (3 of 5) are 3 channels")
                .contains("convert every image to gray or to RGB").doesNotContain("ChannelMode");
    }

    @Test
    void aGivenShapeDecidesOverTheMajority() {
        ImageSource source = ImageSources.folder(folder()).badInput(BadInputPolicy.SKIP).build();
        List<SkippedImage> skipped = new ArrayList<>();
        BatchOptions options = BatchOptions.of(8).withExpectedShape(new ExpectedShape(new ImageShape(3, 4, 5),
                "the reference needs"));
        assertThat(read(source, options, skipped)).containsExactly("a-odd.png");
        assertThat(skipped).extracting(SkippedImage::input).containsExactly("b-good.png", "c-good.png",
                "d-good.png", "e-gray.png");
        assertThat(skipped.get(0).message()).contains("is 4x4 (HxW) but the reference needs 4x5");
        ImageSource failing = ImageSources.folder(dir).build();
        assertThatThrownBy(() -> read(failing, options, new ArrayList<>()))
                .isInstanceOfSatisfying(ImageInputException.class, e -> assertThat(e.input()).isEqualTo("b-good.png"));
    }

    @Test
    void setsThatAgreeReadAsBefore() {
        for (String name : new String[] {"a.png", "b.png"}) {
            Fixtures.write(Fixtures.rgb(4, 4, name.charAt(0)), "png", dir.resolve(name));
        }
        assertThat(read(ImageSources.folder(dir).badInput(BadInputPolicy.SKIP).build(), BatchOptions.of(8),
                new ArrayList<>())).containsExactly("a.png", "b.png");
    }
}
