package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fld4j.core.units.BitsPerDim;
import org.junit.jupiter.api.Test;

class FldFormulasTest {

    @Test
    void fldIsTheLogOfTheBitsPerDimRatio() {
        // bpd = -l / (D ln 2): with D = 784, l = -1500 and -1800 nats
        double bpdReal = 1500 / (784 * Math.log(2));
        double bpdGenerated = 1800 / (784 * Math.log(2));
        assertThat(BitsPerDim.of(-1500, 784)).isCloseTo(bpdReal, within(1e-12));
        assertThat(FldFormulas.fld(-1500, -1800)).isCloseTo(Math.log(bpdGenerated / bpdReal), within(1e-15));
        assertThat(FldFormulas.fld(-1500, -1800)).isCloseTo(Math.log(1.2), within(1e-15));
        assertThat(FldFormulas.fld(-1500, -1500)).isZero();
    }

    @Test
    void refusesEmptyNonFiniteAndNonNegativeMeans() {
        assertThatThrownBy(() -> FldFormulas.check(new double[0], new String[0], "the generated images"))
                .hasMessageContaining("the generated images holds no images");
        assertThatThrownBy(() -> FldFormulas.check(new double[] {-5, Double.NaN}, new String[] {"a.png", "b.png"}, "G"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("b.png").hasMessageContaining("NaN");
        assertThatThrownBy(() -> FldFormulas.check(new double[] {-1, 3}, new String[] {"a", "b"}, "G"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1.0 nats >= 0");
    }
}
