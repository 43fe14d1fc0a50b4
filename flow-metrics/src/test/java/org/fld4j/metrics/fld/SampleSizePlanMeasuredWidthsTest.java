package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The planner's predictions checked against measured widths at 3 sizes: from a pilot of 100 generated images drawn
 * from a fixed distribution, the predicted half-width at 200, 800 and 3,200 images against the mean half-width of the
 * intervals {@link FldIntervals} actually computes on fresh draws of those sizes from the same distribution.
 */
class SampleSizePlanMeasuredWidthsTest {

    private static final int[] SIZES = {200, 800, 3200};
    private static final int DRAWS = 20;
    private static final int RESAMPLES = 400;

    // generated images around -2000 nats (sd 150), held-out real ones around -1800 (sd 120)
    private static final double GENERATED_MEAN = -2000;
    private static final double GENERATED_SD = 150;

    /**
     * One flow, 2,000 held-out real images: the held-out part of the variance is as large as the generated images'
     * at about 2,500 images, so the three sizes span both regimes.
     */
    @Test
    void oneFlowPredictionsMatchPercentileBootstrapWidths() {
        SplittableRandom random = new SplittableRandom(17);
        double[] heldOut = SyntheticLikelihoods.gaussian(2000, -1800, 120, random);
        FldReference reference = SyntheticLikelihoods.reference(heldOut);
        double[] pilot = SyntheticLikelihoods.gaussian(100, GENERATED_MEAN, GENERATED_SD, random);
        SampleSizePlan plan = SampleSizePlanner.of(reference).plan(SyntheticLikelihoods.score(reference, pilot), 0.01);
        for (int size : SIZES) {
            double measured = 0;
            for (int d = 0; d < DRAWS; d++) {
                double[] generated = SyntheticLikelihoods.gaussian(size, GENERATED_MEAN, GENERATED_SD, random);
                measured += FldIntervals.fld(heldOut, generated, RESAMPLES, 0.95, random.nextLong()).halfWidth()
                        / DRAWS;
            }
            double predicted = plan.predictedHalfWidth(size);
            assertThat(predicted).as("n = %d", size).isCloseTo(measured, within(0.15 * measured));
        }
    }

    /**
     * Three flows that score every image alike but for a known offset each ({@code -15, 0, +15} nats), against the
     * same held-out real images: the between-flow spread is fixed, and the t quantile of the ensemble interval, its
     * degrees of freedom falling towards 2 as the images' variance shrinks, makes the widths fall and then rise.
     */
    @Test
    void threeFlowPredictionsMatchEnsembleWidths() {
        SplittableRandom random = new SplittableRandom(23);
        double[] offsets = {-15, 0, 15};
        double[] heldOut = SyntheticLikelihoods.gaussian(2000, -1800, 120, random);
        FldReference reference = SyntheticLikelihoods.ensemble(new double[][] {heldOut, heldOut, heldOut});
        double[][] heldOutSets = {heldOut, heldOut, heldOut};
        double[] pilot = SyntheticLikelihoods.gaussian(100, GENERATED_MEAN, GENERATED_SD, random);
        SampleSizePlan plan = SampleSizePlanner.of(reference)
                .plan(SyntheticLikelihoods.score(reference, shifted(pilot, offsets)), 0.02);
        for (int size : SIZES) {
            double measured = 0;
            for (int d = 0; d < DRAWS; d++) {
                double[] generated = SyntheticLikelihoods.gaussian(size, GENERATED_MEAN, GENERATED_SD, random);
                measured += FldIntervals.ensemble(heldOutSets, shifted(generated, offsets), RESAMPLES, 0.95,
                        random.nextLong()).halfWidth() / DRAWS;
            }
            double predicted = plan.predictedHalfWidth(size);
            assertThat(predicted).as("n = %d", size).isCloseTo(measured, within(0.15 * measured));
        }
    }

    private static double[][] shifted(double[] values, double[] offsets) {
        double[][] out = new double[offsets.length][values.length];
        for (int k = 0; k < offsets.length; k++) {
            for (int i = 0; i < values.length; i++) {
                out[k][i] = values[i] + offsets[k];
            }
        }
        return out;
    }
}
