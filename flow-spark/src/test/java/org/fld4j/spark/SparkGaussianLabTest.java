package org.fld4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.NativeThreads;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.junit.jupiter.api.Test;

/** The Gaussian lab run as one Spark task per dimension equals the lab run on one machine, row for row. */
class SparkGaussianLabTest {

    @Test
    void twoDimensionsOnSparkEqualTheLabOnOneMachine() throws Exception {
        FlowPreset tiny = new FlowPreset(2, 16, 2, Mixing.NONE, 2e-3, 10, 128, 2, Duration.ofMinutes(2), 0.1, 5);
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(2, 3)
                .families(TestFamily.AFFINE, TestFamily.OUTLIER).scales(1.0, 2.0).shifts(0.0, 1.0)
                .trainingSamples(2_000).testSamples(2_000).kdePoints(32).preset(2, tiny).preset(3, tiny).seed(5)
                .workers(1).build();
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
            NativeThreads.set(1);
            local = new GaussianLab(options).run();
        } finally {
            NativeThreads.set(threads);
        }
        assertThat(distributed.rows()).hasSize(16).isEqualTo(local.rows());
        assertThat(distributed.dimensions()).extracting(d -> d.dimension()).containsExactly(2, 3);
        // Every density curve, point for point (written as exact decimal text), and every epoch's losses.
        java.nio.file.Path a = java.nio.file.Files.createTempFile("spark-curves", ".csv");
        java.nio.file.Path b = java.nio.file.Files.createTempFile("local-curves", ".csv");
        distributed.writeCurvesCsv(a);
        local.writeCurvesCsv(b);
        assertThat(java.nio.file.Files.readString(a)).isEqualTo(java.nio.file.Files.readString(b));
        java.nio.file.Files.delete(a);
        java.nio.file.Files.delete(b);
        for (int i = 0; i < 2; i++) {
            assertThat(distributed.dimensions().get(i).training().epochs()).extracting(e -> e.trainLoss())
                    .isEqualTo(local.dimensions().get(i).training().epochs().stream().map(e -> e.trainLoss()).toList());
            assertThat(distributed.dimensions().get(i).modelLowerBound())
                    .isEqualTo(local.dimensions().get(i).modelLowerBound());
        }
    }
}
