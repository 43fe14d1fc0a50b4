package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fld4j.core.Flow;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.MultivariateGaussian;
import org.fld4j.metrics.gaussian.RandomGaussianOptions;
import org.fld4j.metrics.gaussian.TestFamily;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class LogLikelihoodScorerTest {

    private final GaussianTestBed bed = GaussianTestBed.generate(5, RandomGaussianOptions.defaults(), 1);
    /** A fresh flow is the identity, so its density is N(0, I). */
    private final Flow identity = Flow.dense(5).couplings(2).hidden(8).dataType(DataType.DOUBLE).build();

    @Test
    void scoresTheSamplesOfQUnderPAndTheModel() {
        MultivariateGaussian q = bed.distribution(TestFamily.AFFINE, 0.5, 0.25, 0, 0);
        int n = 1_000;
        ScoredSample scored = new LogLikelihoodScorer(bed.training(), identity, 64, 32).score(q, n, 9);
        double[] x = q.sample(n, 9);
        double[] trueLog = scored.trueLogDensity();
        double[] modelLog = scored.modelLogLikelihood();
        for (int i = 0; i < n; i++) {
            double[] row = java.util.Arrays.copyOfRange(x, 5 * i, 5 * i + 5);
            assertThat(trueLog[i]).isEqualTo(bed.training().logDensity(row));
            double squares = 0;
            for (double v : row) {
                squares += v * v;
            }
            assertThat(modelLog[i]).isCloseTo(-0.5 * squares - 2.5 * Math.log(2 * Math.PI), within(1e-9));
        }
    }

    @Test
    void theChunkSizeChangesNothing() {
        MultivariateGaussian q = bed.distribution(TestFamily.OUTLIER, 1.25, 0.5, 0, 0);
        ScoredSample a = new LogLikelihoodScorer(bed.training(), identity, 7, 3).score(q, 500, 4);
        ScoredSample b = new LogLikelihoodScorer(bed.training(), identity, 1_000, 256).score(q, 500, 4);
        assertThat(a.trueLogDensity()).isEqualTo(b.trueLogDensity());
        assertThat(a.modelLogLikelihood()).containsExactly(b.modelLogLikelihood(), within(1e-12));
    }

    @Test
    void refusesAModelOfAnotherDimension() {
        assertThatThrownBy(() -> new LogLikelihoodScorer(bed.training(), Flow.dense(4).build(), 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 5");
    }
}
