package org.fld4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueRangeTest {

    @Test
    void mapsEachRangeOntoZeroTo255AndRoundsHalfUp() {
        // UNIT: v * 255. 0.5 -> 127.5 -> 128; 0.1 -> 25.5 -> 26; 0.002 -> 0.51 -> 1; 0.0019 -> 0.4845 -> 0
        assertThat(ValueRange.UNIT.toUint8(0.0)).isEqualTo(0);
        assertThat(ValueRange.UNIT.toUint8(1.0)).isEqualTo(255);
        assertThat(ValueRange.UNIT.toUint8(0.5)).isEqualTo(128);
        assertThat(ValueRange.UNIT.toUint8(0.002)).isEqualTo(1);
        assertThat(ValueRange.UNIT.toUint8(0.0019)).isEqualTo(0);
        // SIGNED: (v + 1) * 127.5. 0 -> 127.5 -> 128; -0.5 -> 63.75 -> 64; 0.6 -> 204
        assertThat(ValueRange.SIGNED.toUint8(-1.0)).isEqualTo(0);
        assertThat(ValueRange.SIGNED.toUint8(1.0)).isEqualTo(255);
        assertThat(ValueRange.SIGNED.toUint8(0.0)).isEqualTo(128);
        assertThat(ValueRange.SIGNED.toUint8(-0.5)).isEqualTo(64);
        assertThat(ValueRange.SIGNED.toUint8(0.6)).isEqualTo(204);
        // UINT8: identity, non-integers rounded: 12.5 -> 13, 12.49 -> 12
        assertThat(ValueRange.UINT8.toUint8(255.0)).isEqualTo(255);
        assertThat(ValueRange.UINT8.toUint8(12.5)).isEqualTo(13);
        assertThat(ValueRange.UINT8.toUint8(12.49)).isEqualTo(12);
    }

    @Test
    void refusesValuesOutsideTheRangeInsteadOfClamping() {
        assertThatThrownBy(() -> ValueRange.UNIT.toUint8(1.0001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0001").hasMessageContaining("UNIT");
        assertThatThrownBy(() -> ValueRange.SIGNED.toUint8(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueRange.UINT8.toUint8(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueRange.UINT8.toUint8(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
