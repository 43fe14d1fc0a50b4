package org.fld4j.io.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.array.ArrayLayout;
import org.fld4j.io.preprocess.ChannelMode;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PreprocessedSourceTest {

    /** Two 4x4 gray images whose 2x2 blocks hold 10, 20, 30, 40 (+ block offset): BOX halving gives the block means. */
    private static ImageSource blocks() {
        byte[][] images = new byte[2][16];
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    int block = (y / 2) * 2 + (x / 2);
                    int within = (y % 2) * 2 + (x % 2);
                    images[n][y * 4 + x] = (byte) (50 * block + 10 * (within + 1) + n);
                }
            }
        }
        return ImageSources.bytes(images, new ImageShape(1, 4, 4)).layout(ArrayLayout.NCHW).build();
    }

    @Test
    void readsAreResizedLikeTheBatchPreprocessing() {
        Preprocessing half = Preprocessing.resizeTo(2, 2, ResizeFilter.BOX);
        ImageSource view = ImageSources.preprocessed(blocks(), half);
        for (int n = 0; n < 2; n++) {
            UInt8Image image = view.read(n).image();
            assertThat(image.height()).isEqualTo(2);
            assertThat(image.width()).isEqualTo(2);
            for (int block = 0; block < 4; block++) {
                // mean of 10, 20, 30, 40 is 25
                assertThat(image.sample(0, block / 2, block % 2)).isEqualTo(50 * block + 25 + n);
            }
        }
        try (ImageBatchStream stream = new ImageBatchStream(blocks(), BatchOptions.of(2).withPreprocessing(half))) {
            INDArray batch = stream.next().images();
            for (int n = 0; n < 2; n++) {
                for (int block = 0; block < 4; block++) {
                    assertThat(batch.getDouble(n, 0, block / 2, block % 2))
                            .isEqualTo(view.read(n).image().sample(0, block / 2, block % 2));
                }
            }
        }
    }

    @Test
    void headersAndDescriptionTellTheConvertedShape() {
        ImageSource view = ImageSources.preprocessed(blocks(), Preprocessing.resizeTo(2, 3, ResizeFilter.TRIANGLE)
                .withChannels(ChannelMode.RGB));
        ImageHeader header = view.header(1);
        assertThat(header.height()).isEqualTo(2);
        assertThat(header.width()).isEqualTo(3);
        assertThat(header.colorChannels()).isEqualTo(3);
        assertThat(view.read(1).image().channels()).isEqualTo(3);
        assertThat(view.description()).contains("resized to 2x3 (triangle)").contains("converted to rgb");
        assertThat(view.size()).isEqualTo(2);
        assertThat(view.id(1)).isEqualTo(blocks().id(1));
    }

    @Test
    void noPreprocessingIsTheSourceItself() {
        ImageSource source = blocks();
        assertThat(ImageSources.preprocessed(source, Preprocessing.none())).isSameAs(source);
    }
}
