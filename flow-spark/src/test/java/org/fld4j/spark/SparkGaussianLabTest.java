package org.fld4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.train.EpochRecord;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.DimensionSummary;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian lab run on Spark (one training task per dimension, then one task per cell with the trained flows
 * broadcast) equals the lab run on one machine: every row, every density curve, every dimension's summary.
 */
class SparkGaussianLabTest {

    @Test
    void twoDimensionsOnSparkEqualTheLabOnOneMachine() {
        FlowPreset tiny = new FlowPreset(2, 16, 2, Mixing.NONE, 2e-3, 10, 128, 2, Duration.ofMinutes(2), 0.1, 5);
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(2, 3)
                .families(TestFamily.AFFINE, TestFamily.OUTLIER).scales(1.0, 2.0).shifts(0.0, 1.0)
                .trainingSamples(2_000).testSamples(2_000).kdePoints(32).preset(2, tiny).preset(3, tiny).seed(5)
                .workers(1).build();
        assertThat(SparkGaussianLab.cells(options)).hasSize(16);
        SparkSession spark = LocalSpark.start("SparkGaussianLabTest");
        GaussianLabResult distributed;
        try {
            distributed = SparkGaussianLab.of(options).run(spark);
        } finally {
            spark.stop();
        }
        int threads = NativeThreads.current();
        GaussianLabResult local;
        try {
            // One native thread, as every task trains and scores.
            NativeThreads.set(1);
            local = new GaussianLab(options).run();
        } finally {
            NativeThreads.set(threads);
        }
        assertThat(distributed.options()).isEqualTo(local.options());
        assertThat(distributed.rows()).hasSize(16).isEqualTo(local.rows());
        assertThat(distributed.curves()).hasSize(16).isEqualTo(local.curves());
        // Summaries in full (preset, every epoch's losses and learning rate, bounds, reference curves); only the
        // wall-clock times of training differ between two runs.
        assertThat(distributed.dimensions()).extracting(DimensionSummary::dimension).containsExactly(2, 3);
        assertThat(distributed.dimensions().stream().map(SparkGaussianLabTest::withoutClock).toList())
                .isEqualTo(local.dimensions().stream().map(SparkGaussianLabTest::withoutClock).toList());
    }

    private static DimensionSummary withoutClock(DimensionSummary s) {
        TrainingHistory h = s.training();
        List<EpochRecord> epochs = h.epochs().stream().map(e -> new EpochRecord(e.epoch(), e.steps(),
                e.skippedSteps(), e.trainLoss(), e.validationLoss(), e.learningRate(), Duration.ZERO)).toList();
        TrainingHistory timeless = new TrainingHistory(epochs, h.stopReason(), h.bestEpoch(), h.bestValidationLoss(),
                h.totalSteps(), h.skippedSteps(), Duration.ZERO);
        return new DimensionSummary(s.dimension(), s.preset(), timeless, s.entropy(), s.referenceSamples(),
                s.referenceCrossEntropy(), s.referenceModelCrossEntropy(), s.modelLowerBound(), s.modelUpperBound(),
                s.trueLowerBound(), s.trueUpperBound(), s.referenceTrueLogDensity(), s.referenceModelLogLikelihood());
    }
}
