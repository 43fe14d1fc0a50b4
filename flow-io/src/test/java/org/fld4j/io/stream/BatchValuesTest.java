package org.fld4j.io.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.io.ImageShape;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch holds each image's 8-bit samples as numbers 0..255, in NCHW order, for both data types, including batches
 * larger than the block in which samples are widened into the array.
 */
class BatchValuesTest {

    private static final ImageShape SHAPE = new ImageShape(3, 17, 13);
    private static final int IMAGES = 40; // 40 x 663 samples: a batch spans several widening blocks

    private static byte[][] images() {
        byte[][] images = new byte[IMAGES][SHAPE.sampleCount()];
        for (int i = 0; i < IMAGES; i++) {
            for (int j = 0; j < images[i].length; j++) {
                images[i][j] = (byte) (i * 31 + j * 7);
            }
        }
        return images;
    }

    @Test
    void everySampleArrivesAsItsLevelInEitherType() {
        byte[][] images = images();
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            BatchOptions options = new BatchOptions(32, type, BatchOptions.of(32).preprocessing(), 2, false);
            List<INDArray> batches = new ArrayList<>();
            try (ImageBatchStream stream = new ImageBatchStream(ImageSources.bytes(images, SHAPE).build(), options)) {
                stream.forEachRemaining(b -> batches.add(b.images()));
            }
            assertThat(batches).extracting(INDArray::dataType).containsOnly(type);
            assertThat(batches).extracting(b -> b.size(0)).containsExactly(32L, 8L);
            int image = 0;
            for (INDArray batch : batches) {
                assertThat(batch.shape()).containsExactly(batch.size(0), 3, 17, 13);
                double[] values = batch.dup('c').data().asDouble();
                int per = SHAPE.sampleCount();
                for (int i = 0; i < batch.size(0); i++, image++) {
                    for (int j = 0; j < per; j++) {
                        assertThat(values[i * per + j]).as("image %d sample %d", image, j)
                                .isEqualTo(images[image][j] & 0xFF);
                    }
                }
            }
        }
    }
}
