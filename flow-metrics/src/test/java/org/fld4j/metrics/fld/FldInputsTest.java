package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fld4j.io.ImageSource;
import org.fld4j.io.ValueRange;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Arrays handed to FLD as they are hold 0..255; floating point in [0, 1] must state its range. */
class FldInputsTest {

    @Test
    void aFloatArrayInZeroToOneIsRefusedWithTheCallThatStatesItsRange() {
        // all values in [0, 1]: read as 0..255 they would be an almost black set, a confidently wrong score
        assertThatThrownBy(() -> FldInputs.of(Nd4j.rand(DataType.FLOAT, 2, 1, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ImageSources.array(images).range(ValueRange.UNIT | UINT8 | SIGNED)");
        assertThatThrownBy(() -> Fld.of(Nd4j.zeros(DataType.DOUBLE, 2, 1, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOUBLE");
        // one value above 1 shows the array is not 0..1 data: read as 0..255, as before
        ImageSource bright = FldInputs.of(Nd4j.createFromArray(new float[] {0f, 0.5f, 1f, 2f})
                .reshape(1, 1, 2, 2));
        assertThat(bright.read(0).image().sample(0, 1, 1)).isEqualTo(2);
        assertThat(bright.read(0).image().sample(0, 0, 1)).isEqualTo(1); // 0.5 rounds half up
    }

    @Test
    void integerArraysAreReadAsZeroTo255AndFloatsWithAStatedRangeAsStated() {
        ImageSource ints = FldInputs.of(Nd4j.createFromArray(new int[] {0, 7, 200, 255}).reshape(1, 1, 2, 2));
        assertThat(ints.read(0).image().sample(0, 1, 0)).isEqualTo(200);
        ImageSource unit = ImageSources.array(Nd4j.createFromArray(new float[] {0f, 0.5f, 1f, 1f})
                .reshape(1, 1, 2, 2)).range(ValueRange.UNIT).build();
        assertThat(unit.read(0).image().sample(0, 0, 1)).isEqualTo(128); // 0.5 * 255 = 127.5 rounds up
    }
}
