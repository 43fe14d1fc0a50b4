package org.fld4j.metrics.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fld4j.core.Flow;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class CrossEntropyEstimatorTest {

    @Test
    void estimatesByHand() {
        // Mean log-likelihood -2, sample variance ((1 + 0 + 1) / 2) = 1, standard error 1/sqrt(3).
        SampleEstimate h = CrossEntropyEstimator.crossEntropy(new double[] {-1, -2, -3});
        assertThat(h.value()).isEqualTo(2.0);
        assertThat(h.standardError()).isCloseTo(1 / Math.sqrt(3), within(1e-15));
        assertThat(h.sampleCount()).isEqualTo(3);
        SampleEstimate kl = CrossEntropyEstimator.klDivergence(new double[] {-1, -2, -3}, 1.5);
        assertThat(kl.value()).isEqualTo(0.5);
        assertThat(kl.standardError()).isEqualTo(h.standardError());
    }

    @Test
    void aFreshFlowScoresTheStandardNormal() {
        // A fresh flow is the identity: log p(x) = -|x|^2/2 - log(2 pi) in 2-D.
        Flow identity = Flow.dense(2).couplings(2).hidden(4).dataType(DataType.DOUBLE).build();
        double[][] x = {{0, 0}, {1, 2}, {-3, 1}};
        double expected = 0;
        for (double[] row : x) {
            expected += 0.5 * (row[0] * row[0] + row[1] * row[1]) + Math.log(2 * Math.PI);
        }
        SampleEstimate h = CrossEntropyEstimator.crossEntropy(identity, Nd4j.createFromArray(x));
        assertThat(h.value()).isCloseTo(expected / 3, within(1e-12));
        assertThat(CrossEntropyEstimator.klDivergence(identity, Nd4j.createFromArray(x), 1.0).value())
                .isCloseTo(expected / 3 - 1, within(1e-12));
    }

    @Test
    void refusesTooFewOrNonFiniteValues() {
        assertThatThrownBy(() -> CrossEntropyEstimator.crossEntropy(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> CrossEntropyEstimator.crossEntropy(new double[] {1, Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log-likelihood 1");
    }
}
