package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.io.InputReport;
import org.fld4j.metrics.distortion.DistortionKind;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@link DistortionSweepResult#monotonic()} on hand-made scores, and {@link DistortionSweep}'s level checks. */
class DistortionSweepResultTest {

    private static FldScore score(double value) {
        return new FldScore(value, Math.exp(value), 3.0, 3.0 * Math.exp(value), 100, 100,
                Double.isNaN(value) ? new ConfidenceInterval(0, 0, 0.95, 1000)
                        : new ConfidenceInterval(value - 0.01, value + 0.01, 0.95, 1000), List.of(), InputReport.empty("test"));
    }

    private static DistortionSweepResult sweep(DistortionKind kind, double[] levels, double none, double... values) {
        List<Double> levelList = new ArrayList<>();
        List<FldScore> scores = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            levelList.add(levels[i]);
            scores.add(score(values[i]));
        }
        return new DistortionSweepResult(kind, levelList, 0, score(none), scores);
    }

    @Test
    void risingAtEveryStepIsMonotonic() {
        DistortionSweepResult result = sweep(DistortionKind.ADDITIVE_NOISE, new double[] {4, 8, 16}, 0.01,
                0.02, 0.05, 0.3);
        assertThat(result.monotonic()).isTrue();
        assertThat(result.firstViolation()).isEmpty();
        assertThat(result.description(1)).isEqualTo("additive noise sigma=8");
        assertThat(result.summary().lines()).hasSize(4);
    }

    @Test
    void aTieOrADropIsTheFirstViolation() {
        DistortionSweepResult tie = sweep(DistortionKind.ADDITIVE_NOISE, new double[] {4, 8, 16}, 0.01,
                0.02, 0.02, 0.01);
        assertThat(tie.monotonic()).isFalse();
        assertThat(tie.firstViolation()).hasValue(
                "FLD 0.020000 at additive noise sigma=8 is not above 0.020000 at additive noise sigma=4");

        DistortionSweepResult belowUndistorted = sweep(DistortionKind.JPEG, new double[] {90, 30}, 0.05, 0.04, 0.2);
        assertThat(belowUndistorted.monotonic()).isFalse();
        assertThat(belowUndistorted.firstViolation().orElseThrow()).contains("0.040000").contains("0.050000")
                .contains("quality=90").contains("undistorted");

        assertThat(sweep(DistortionKind.ADDITIVE_NOISE, new double[] {4}, 0.01, Double.NaN).monotonic()).isFalse();
    }

    @Test
    void levelsAndScoresMustPair() {
        assertThatThrownBy(() -> new DistortionSweepResult(DistortionKind.ADDITIVE_NOISE, List.of(4.0, 8.0), 0,
                score(0), List.of(score(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsMustBeValidAndRunFromMildToStrong() {
        Fld fld = Fld.of(Nd4j.zeros(DataType.INT, 4, 1, 28, 28));
        DistortionSweep noise = DistortionSweep.of(fld, DistortionKind.ADDITIVE_NOISE);
        assertThat(noise.levels()).containsExactly(DistortionKind.ADDITIVE_NOISE.defaultLevels());
        assertThat(noise.seed()).isZero();
        assertThat(noise.levels(1, 2).seed(3).levels()).containsExactly(1, 2);
        assertThat(DistortionSweep.of(fld, DistortionKind.JPEG).levels()).containsExactly(90, 60, 30, 10, 5);
        assertThatThrownBy(() -> noise.levels(8, 4)).hasMessageContaining("increasing sigma");
        assertThatThrownBy(() -> noise.levels(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> noise.levels(new double[0])).hasMessageContaining("at least one level");
        assertThatThrownBy(() -> noise.levels(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistortionSweep.of(fld, DistortionKind.JPEG).levels(30, 60))
                .hasMessageContaining("decreasing quality");
    }
}
