package org.fld4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A D-FLD sweep on Spark (one task per distorted set, each training its own flow) gives every set the score one
 * machine computes for it with the same real flow, bit for bit.
 */
class SparkDualSweepTest {

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkDualSweepTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everySetScoresAsOnOneMachine() {
        ImageSource real = ImageSources.subset(FashionMnistSlice.train(), Indices.range(0, 300));
        ImageSource images = ImageSources.subset(FashionMnistSlice.train(), Indices.range(300, 600));
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(1).withBatchSize(32)
                .withTimeBudget(Duration.ofMinutes(5)).withSeed(4).withBootstrapResamples(200);
        SparkDualSweep sweep = SparkDualSweep.of(real).options(options).seed(7);
        List<DistortedSet> sets = List.of(new DistortedSet(DistortionKind.ADDITIVE_NOISE, 8),
                new DistortedSet(DistortionKind.ADDITIVE_NOISE, 32), new DistortedSet(DistortionKind.GAUSSIAN_BLUR, 1.5));
        // R trained once, on the driver; the same R scores every set on Spark and on one machine.
        FldReference reference = sweep.realReference();
        List<DualFldScore> distributed = sweep.run(spark, reference, images, sets);
        assertThat(distributed).hasSize(3);

        int threads = NativeThreads.current();
        try {
            // One machine, one native thread (as each task trains): every number equal.
            NativeThreads.set(1);
            for (int s = 0; s < sets.size(); s++) {
                DualFldScore local = sweep.dualFld(real, reference)
                        .score(Distortion.of(sets.get(s).kind(), sets.get(s).level()).applyTo(images, 7));
                assertThat(distributed.get(s)).as(sets.get(s).toString()).isEqualTo(local);
            }
        } finally {
            NativeThreads.set(threads);
        }
        // Stronger noise is further from the real images.
        assertThat(distributed.get(1).value()).isGreaterThan(distributed.get(0).value());
        assertThatThrownBy(() -> sweep.run(spark, images, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one distorted set");
        assertThatThrownBy(() -> sweep.run(spark, reference, images, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one distorted set");
        // R of other real images is refused on the driver.
        assertThatThrownBy(() -> SparkDualSweep.of(images).options(options).run(spark, reference, images, sets))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the real set");
    }
}
