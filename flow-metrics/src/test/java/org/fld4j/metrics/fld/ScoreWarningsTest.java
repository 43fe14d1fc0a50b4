package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fld4j.io.InputReport;
import org.junit.jupiter.api.Test;

/** Which counts get which warnings, at the documented thresholds, and the floor below which FLD is refused. */
class ScoreWarningsTest {

    private static List<String> codes(long generated, long heldOut) {
        return ScoreWarnings.forCounts(generated, heldOut).stream().map(ScoreWarning::code).toList();
    }

    @Test
    void thresholdsAreTheDocumentedOnes() {
        assertThat(ScoreWarnings.SMALL_SET).isEqualTo(50);
        assertThat(ScoreWarnings.LARGE_RATIO).isEqualTo(10);
        assertThat(ScoreWarnings.MIN_GENERATED_IMAGES).isEqualTo(2);
    }

    @Test
    void eachThresholdIsCrossedExactlyWhereItSays() {
        assertThat(codes(50, 50)).isEmpty();
        assertThat(codes(49, 50)).containsExactly(ScoreWarning.SMALL_GENERATED_SET);
        assertThat(codes(50, 49)).containsExactly(ScoreWarning.SMALL_HELD_OUT_SET);
        assertThat(codes(499, 50)).isEmpty();
        assertThat(codes(500, 50)).containsExactly(ScoreWarning.GENERATED_MUCH_LARGER_THAN_HELD_OUT);
        // one generated image against 12 held out: both sets small, in a fixed order
        assertThat(codes(1, 12)).containsExactly(ScoreWarning.SMALL_GENERATED_SET, ScoreWarning.SMALL_HELD_OUT_SET);
        assertThat(codes(2000, 12)).containsExactly(ScoreWarning.SMALL_HELD_OUT_SET,
                ScoreWarning.GENERATED_MUCH_LARGER_THAN_HELD_OUT);
        assertThat(ScoreWarnings.forCounts(3, 60).get(0).message()).contains("only 3 generated images").contains("50");
        // deterministic: the same counts give equal warnings
        assertThat(ScoreWarnings.forCounts(7, 7)).isEqualTo(ScoreWarnings.forCounts(7, 7));
    }

    @Test
    void fldScoresCarryTheirWarnings() {
        FldScore score = new FldScore(0.1, Math.exp(0.1), 3, 3 * Math.exp(0.1), 12, 30,
                new ConfidenceInterval(0.0, 0.2, 0.95, 1000), List.of(), InputReport.empty("test"));
        assertThat(score.scoreWarnings()).extracting(ScoreWarning::code)
                .containsExactly(ScoreWarning.SMALL_GENERATED_SET, ScoreWarning.SMALL_HELD_OUT_SET);
        assertThat(score.warnings()).containsExactlyElementsOf(
                score.scoreWarnings().stream().map(ScoreWarning::message).toList());
    }

    @Test
    void aDualScoreBuiltFromStringsKeepsThemUnclassified() {
        ConfidenceInterval i = new ConfidenceInterval(0, 1, 0.95, 100);
        DualFldScore score = new DualFldScore(0.1, i, 0.1, i, 0.2, i, 3, 3, 3, 3, 100, 100, 400, List.of("odd"));
        assertThat(score.scoreWarnings()).containsExactly(new ScoreWarning(ScoreWarning.UNCLASSIFIED, "odd"));
        assertThatThrownBy(() -> new DualFldScore(0.1, i, 0.1, i, 0.2, i, 3, 3, 3, 3, 100, 100, 400, List.of("a"),
                List.of(new ScoreWarning(ScoreWarning.SMALL_GENERATED_SET, "b"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAreUpperCaseWords() {
        assertThatThrownBy(() -> new ScoreWarning("small set", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
