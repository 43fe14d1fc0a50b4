package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The planner's model against closed forms: log-likelihoods built to have an exact mean and sample sd, so that
 * {@code a = sd_G^2 / mean_G^2} and {@code b = sd_H^2 / (h mean_H^2)} are known, and the required images solve
 * {@code z sqrt(a/n + b) = W}.
 */
class SampleSizePlannerTest {

    /** The 97.5% quantile of the standard normal (tables), for 95% intervals. */
    private static final double Z = 1.959963984540054;

    private static final double[] HELD_OUT = SyntheticLikelihoods.exact(500, -1800, 120, 1);
    private static final double[] PILOT = SyntheticLikelihoods.exact(200, -2000, 150, 2);
    private static final double A = 150.0 * 150 / (2000.0 * 2000);
    private static final double B = 120.0 * 120 / (500 * 1800.0 * 1800);

    private static SampleSizePlan plan(double width) {
        FldReference reference = SyntheticLikelihoods.reference(HELD_OUT);
        return SampleSizePlanner.of(reference).plan(SyntheticLikelihoods.score(reference, PILOT), width);
    }

    @Test
    void oneFlowRequiresTheSolutionOfTheClosedForm() {
        double width = 0.01;
        SampleSizePlan plan = plan(width);
        assertThat(plan.imageCoefficient()).isCloseTo(A, within(1e-12 * A));
        assertThat(plan.heldOutVariance()).isCloseTo(B, within(1e-12 * B));
        assertThat(plan.betweenFlowVariance()).isZero();
        // z sqrt(a/n + b) = W  <=>  n = a / ((W/z)^2 - b): 328.1 here, so 329 images
        double exact = A / ((width / Z) * (width / Z) - B);
        assertThat(exact).isBetween(328.0, 329.0);
        assertThat(plan.requiredImages()).hasValue((long) Math.ceil(exact));
        assertThat(plan.predictedHalfWidth(329)).isCloseTo(Z * Math.sqrt(A / 329 + B), within(1e-12));
        assertThat(plan.predictedHalfWidth(329)).isLessThanOrEqualTo(width);
        assertThat(plan.predictedHalfWidth(328)).isGreaterThan(width);
        assertThat(plan.floorHalfWidth()).isCloseTo(Z * Math.sqrt(B), within(1e-12));
        assertThat(plan.limitHalfWidth()).isCloseTo(Z * Math.sqrt(B), within(1e-12));
        assertThat(plan.predictedDegreesOfFreedom(329)).isInfinite();
        assertThat(plan.widensBeyond()).isEmpty();
        assertThat(plan.reachable()).isTrue();
        assertThat(plan.remedy()).isEmpty();
        assertThat(plan.pilotImages()).isEqualTo(200);
        assertThat(plan.heldOutImages()).isEqualTo(500);
        assertThat(plan.confidence()).isEqualTo(0.95);
        assertThat(plan.summary()).startsWith("About 329 generated images").contains("half-width 0.0100")
                .contains(String.format(Locale.ROOT, "Floor: %.4f", Z * Math.sqrt(B)));
    }

    @Test
    void theRangeIsTheSpreadOfTheVarianceEstimate() {
        // With Gaussian images the pilot's variance has relative sd sqrt(2 / (n - 1)) (the mean's share is negligible
        // at this coefficient of variation), so a spans about +-1.645 * 0.1 at 5%-95%; and n = a / ((W/z)^2 - b)
        // is proportional to a, b being fixed, so n spans as much
        SampleSizePlan plan = plan(0.01);
        double required = plan.requiredImages().getAsLong();
        double spread = 1.645 * Math.sqrt(2.0 / 199);
        assertThat(plan.range().low().getAsLong() / required).isCloseTo(1 - spread, within(0.04));
        assertThat(plan.range().high().getAsLong() / required).isCloseTo(1 + spread, within(0.04));
        assertThat(plan.range().unreachableShare()).isZero();
        assertThat(plan.imagesOnlyRange()).isEqualTo(plan.range());
        assertThat(plan.resamples()).isEqualTo(1000);
        // seeded: the same seed gives the same range, another seed another one
        assertThat(plan(0.01)).isEqualTo(plan);
        FldReference reference = SyntheticLikelihoods.reference(HELD_OUT);
        SampleSizePlan other = SampleSizePlanner.of(reference).seed(99)
                .plan(SyntheticLikelihoods.score(reference, PILOT), 0.01);
        assertThat(other.requiredImages()).isEqualTo(plan.requiredImages());
        assertThat(other.range()).isNotEqualTo(plan.range());
    }

    @Test
    void aTargetAtOrBelowTheFloorIsOutOfReachAndTheSummarySaysWhatLowersIt() {
        double floor = Z * Math.sqrt(B);
        SampleSizePlan plan = plan(0.6 * floor);
        assertThat(plan.reachable()).isFalse();
        assertThat(plan.requiredImages()).isEmpty();
        assertThat(plan.range().high()).isEmpty();
        assertThat(plan.range().low()).isEmpty();
        assertThat(plan.range().unreachableShare()).isEqualTo(1.0);
        assertThat(plan.floorHalfWidth()).isCloseTo(floor, within(1e-12));
        // the floor z sqrt(b h / h') falls below W from h' > b h z^2 / W^2 = 500 / 0.36 = 1388.9 held-out images
        assertThat(plan.heldOutImagesForTarget()).hasValue(1389L);
        assertThat(plan.summary()).contains("out of reach").contains(String.format(Locale.ROOT, "%.4f", floor))
                .contains("500 held-out real images").contains("1,389 held-out real images").contains("2,778");
        assertThat(plan.summary()).doesNotContain("About ");
        // just below the floor no count reaches it, just above a large one does
        assertThat(plan(floor * 0.9999).reachable()).isFalse();
        assertThat(plan(floor * 1.0001).reachable()).isTrue();
    }

    @Test
    void kFlowsUseTheStudentQuantileWithSatterthwaiteDegrees() {
        double[][] heldOut = {HELD_OUT, HELD_OUT, HELD_OUT};
        double[] offsets = {-15, 0, 15};
        double[][] generated = shiftedPilot(offsets);
        FldReference reference = SyntheticLikelihoods.ensemble(heldOut);
        FldScore pilot = SyntheticLikelihoods.score(reference, generated);
        // the flows' FLDs, ln((-2000 + o_k) / -1800), and their sample variance
        double[] values = new double[3];
        for (int k = 0; k < 3; k++) {
            values[k] = Math.log((-2000 + offsets[k]) / -1800.0);
        }
        double mean = (values[0] + values[1] + values[2]) / 3;
        double between = 0;
        for (double v : values) {
            between += (v - mean) * (v - mean) / 2;
        }
        // the flows' held-out images (the same 500 for each) explain B of that spread; training the rest
        double c = between / 3;
        double cTraining = (between - B) / 3;
        double width = 0.0138;
        SampleSizePlan plan = SampleSizePlanner.of(reference).plan(pilot, width);
        assertThat(plan.imageCoefficient()).isCloseTo(A, within(1e-12 * A)); // the images' mean over flows is PILOT
        assertThat(plan.betweenFlowVariance()).isCloseTo(between, within(1e-9 * between));
        assertThat(plan.heldOutVariance()).isCloseTo(B, within(1e-12 * B));
        assertThat(plan.trainingVariance()).isCloseTo(between - B, within(1e-9 * between));
        for (long n : new long[] {50, 400, 3000}) {
            double variance = A / n + c;
            double nu = 2 * (variance / cTraining) * (variance / cTraining);
            assertThat(plan.predictedDegreesOfFreedom(n)).isCloseTo(nu, within(1e-9 * nu));
            double t = new TDistribution(null, nu).inverseCumulativeProbability(0.975);
            assertThat(plan.predictedHalfWidth(n)).isCloseTo(t * Math.sqrt(variance), within(1e-9));
        }
        long required = plan.requiredImages().getAsLong();
        assertThat(halfWidth(required, c, cTraining)).isLessThanOrEqualTo(width);
        assertThat(halfWidth(required - 1, c, cTraining)).isGreaterThan(width);
        // with unlimited images the t quantile has 2 (c / c_tau)^2 degrees of freedom, K - 1 = 2 if training were all
        double limitNu = 2 * (c / cTraining) * (c / cTraining);
        assertThat(plan.limitHalfWidth()).isCloseTo(new TDistribution(null, limitNu).inverseCumulativeProbability(0.975)
                * Math.sqrt(c), within(1e-9));
        // with 3 flows the half-width falls and then rises again: the floor is a minimum at a finite count, below the
        // limit, and no count gives less
        assertThat(plan.floorHalfWidth()).isLessThan(plan.limitHalfWidth());
        double smallest = Double.POSITIVE_INFINITY;
        for (long n = 2; n < 200_000; n += 1 + n / 200) {
            smallest = Math.min(smallest, halfWidth(n, c, cTraining));
        }
        assertThat(plan.floorHalfWidth()).isLessThanOrEqualTo(smallest).isCloseTo(smallest, within(1e-6));
        // a target between the floor and the limit is reached and then lost again
        long last = plan.widensBeyond().getAsLong();
        assertThat(last).isGreaterThan(required);
        assertThat(halfWidth(last, c, cTraining)).isLessThanOrEqualTo(width);
        assertThat(halfWidth(last + 1, c, cTraining)).isGreaterThan(width);
        assertThat(plan.summary()).contains("widens").contains("between the 3 reference flows");
        // these flows' spread is what it is: resampling the pilot images alone leaves the target within reach in most
        // resamples; the between-flow variance estimated from 3 values is uncertain by a factor of 20 at 95% (2 / X,
        // X chi-square with 2 degrees of freedom, 5% quantile 0.103), which puts the target out of reach in many
        ImageCountRange images = plan.imagesOnlyRange();
        assertThat(images.low().getAsLong()).isLessThanOrEqualTo(required);
        assertThat(images.unreachableShare()).isLessThan(0.5);
        assertThat(plan.range().unreachableShare()).isGreaterThan(images.unreachableShare());
        assertThat(plan.range().high()).isEmpty();
        assertThat(plan.summary()).contains("chi-square, 2 degrees of freedom");
    }

    private static double halfWidth(long n, double c, double cTraining) {
        double variance = A / n + c;
        double nu = 2 * (variance / cTraining) * (variance / cTraining);
        return new TDistribution(null, nu).inverseCumulativeProbability(0.975) * Math.sqrt(variance);
    }

    /**
     * Three flows that differ by less than their held-out images' noise explains ({@code B} each): the fixed part is
     * {@code B / 3}, no training variance is left to estimate, the quantile is the normal one and the required images
     * solve {@code z sqrt(a/n + B/3) = W}, as with one flow of three times the held-out images.
     */
    @Test
    void kFlowsWithinTheirHeldOutNoisePlanWithThatNoise() {
        double[][] heldOut = {HELD_OUT, HELD_OUT, HELD_OUT};
        double[][] generated = shiftedPilot(-0.5, 0, 0.5);
        FldReference reference = SyntheticLikelihoods.ensemble(heldOut);
        double width = 0.008;
        SampleSizePlan plan = SampleSizePlanner.of(reference).plan(SyntheticLikelihoods.score(reference, generated),
                width);
        assertThat(plan.betweenFlowVariance()).isLessThan(B);
        assertThat(plan.trainingVariance()).isZero();
        assertThat(plan.fixedVariance()).isCloseTo(B / 3, within(1e-12 * B));
        double exact = A / ((width / Z) * (width / Z) - B / 3);
        assertThat(plan.requiredImages()).hasValue((long) Math.ceil(exact));
        assertThat(plan.predictedDegreesOfFreedom(1000)).isInfinite();
        assertThat(plan.floorHalfWidth()).isCloseTo(Z * Math.sqrt(B / 3), within(1e-12));
        assertThat(plan.widensBeyond()).isEmpty();
        assertThat(plan.summary()).contains("3 reference flows' held-out real images");
    }

    @Test
    void kFlowsOutOfReachNameTheFlowsThatWouldReachIt() {
        double[][] heldOut = {HELD_OUT, HELD_OUT, HELD_OUT};
        double[][] generated = shiftedPilot(-15, 0, 15);
        FldReference reference = SyntheticLikelihoods.ensemble(heldOut);
        SampleSizePlan plan = SampleSizePlanner.of(reference).plan(SyntheticLikelihoods.score(reference, generated),
                0.006);
        assertThat(plan.reachable()).isFalse();
        int flows = plan.referenceFlowsForTarget().getAsInt();
        assertThat(flows).isGreaterThan(3);
        double between = plan.betweenFlowVariance();
        // independently: with K flows the half-width has the floor min_n t_nu sqrt(a/n + s_b^2/K), nu from training's
        // share (s_b^2 - B) / K; K reaches 0.006, K - 1 does not
        assertThat(smallestHalfWidth(between, flows)).isLessThanOrEqualTo(0.006);
        assertThat(smallestHalfWidth(between, flows - 1)).isGreaterThan(0.006);
        assertThat(plan.summary()).contains("out of reach with 3 reference flows")
                .contains("With " + flows + " reference flows (now 3)");
    }

    private static double smallestHalfWidth(double between, int flows) {
        double c = between / flows;
        double cTraining = (between - B) / flows;
        double smallest = Double.POSITIVE_INFINITY;
        for (long n = 2; n < 100_000_000L; n += 1 + n / 100) {
            double variance = A / n + c;
            double nu = (flows - 1) * (variance / cTraining) * (variance / cTraining);
            double q = nu > 1e7 ? Z : new TDistribution(null, nu).inverseCumulativeProbability(0.975);
            smallest = Math.min(smallest, q * Math.sqrt(variance));
        }
        return smallest;
    }

    @Test
    void invalidInputsAreNamed() {
        FldReference reference = SyntheticLikelihoods.reference(HELD_OUT);
        FldScore pilot = SyntheticLikelihoods.score(reference, PILOT);
        SampleSizePlanner planner = SampleSizePlanner.of(reference);
        for (double bad : new double[] {0, -0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> planner.plan(pilot, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("targetHalfWidth").hasMessageContaining(Double.toString(bad));
        }
        FldScore nine = SyntheticLikelihoods.score(reference, Arrays.copyOf(PILOT, 9));
        assertThatThrownBy(() -> planner.plan(nine, 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 generated images").hasMessageContaining("at least 10");
        FldReference other = SyntheticLikelihoods.reference(Arrays.copyOf(HELD_OUT, 300));
        FldScore elsewhere = SyntheticLikelihoods.score(other, PILOT);
        assertThatThrownBy(() -> planner.plan(elsewhere, 0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("300 held-out").hasMessageContaining("500");
        assertThatThrownBy(() -> planner.confidence(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence");
        assertThatThrownBy(() -> planner.resamples(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resamples").hasMessageContaining("5");
        SampleSizePlan plan = planner.plan(pilot, 0.01);
        assertThatThrownBy(() -> plan.predictedHalfWidth(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Flow k's log-likelihoods of the pilot images: {@link #PILOT} shifted by {@code offsets[k]} nats. */
    private static double[][] shiftedPilot(double... offsets) {
        double[][] generated = new double[offsets.length][];
        for (int k = 0; k < offsets.length; k++) {
            generated[k] = PILOT.clone();
            for (int i = 0; i < PILOT.length; i++) {
                generated[k][i] += offsets[k];
            }
        }
        return generated;
    }
}
