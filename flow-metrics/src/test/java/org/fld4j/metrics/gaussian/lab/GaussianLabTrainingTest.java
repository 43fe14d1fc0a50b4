package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.metrics.gaussian.TestFamily;
import org.junit.jupiter.api.Test;

/** A small end-to-end run of the lab (D = 10, a few cells): trains a flow, then checks the table. */
class GaussianLabTrainingTest {

    @Test
    void smallRunFitsTheBaselineAndItsErrorGrowsWithTheShift() {
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(10)
                .families(TestFamily.AFFINE, TestFamily.OUTLIER).scales(1.0).shifts(0.0, 0.5, 1.0, 2.0, 3.0)
                .trainingSamples(50_000).testSamples(50_000).kdePoints(128).seed(1).build();
        List<Integer> epochs = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        GaussianLabResult result = new GaussianLab(options).run(new GaussianLabListener() {
            @Override
            public void onTrainingEpoch(int dimension, org.fld4j.core.train.EpochRecord epoch) {
                epochs.add(epoch.epoch());
            }

            @Override
            public void onCell(LabRow row, int cellsDone, int cellsTotal) {
                cells.add(cellsDone);
                assertThat(cellsTotal).isEqualTo(10);
            }
        });
        assertThat(cells).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(epochs).isNotEmpty().hasSize(result.dimensions().get(0).training().epochs().size());

        for (LabRow row : result.rows()) {
            // The Monte-Carlo cross-entropy under the true density agrees with the closed form.
            assertThat(row.crossEntropyEstimate()).as("%s", row)
                    .isCloseTo(row.crossEntropy(), within(0.005 * Math.abs(row.crossEntropy())));
        }
        // The trained model's cross-entropy on p itself is within 0.1 nats of the analytic H(p, p).
        LabRow baseline = result.row(10, TestFamily.AFFINE, 1.0, 0.0);
        assertThat(baseline.modelCrossEntropy()).isCloseTo(baseline.crossEntropy(), within(0.1));
        // The thesis' first finding: the model's cross-entropy error on shifted sets grows with the shift.
        // Its sign is not stable in fld4j's flows (this run, seed 1: the model finds shifted sets less likely
        // than p does; the default grid, seed 0: more likely at D = 10, less likely at D >= 20; see
        // docs/user-guide.md), so the size of the error, |H*(q, p) - H(q, p_theta)|, is what is checked.
        // Up to t = 1 it stays at the level of the fit itself (a few hundredths of a nat, which float32
        // rounding of the training run moves about; their order is noise), beyond it grows clearly.
        double u0 = baseline.modelUnderestimation();
        double u50 = result.row(10, TestFamily.AFFINE, 1.0, 0.5).modelUnderestimation();
        double u100 = result.row(10, TestFamily.AFFINE, 1.0, 1.0).modelUnderestimation();
        double u200 = result.row(10, TestFamily.AFFINE, 1.0, 2.0).modelUnderestimation();
        double u300 = result.row(10, TestFamily.AFFINE, 1.0, 3.0).modelUnderestimation();
        System.err.printf("D=10 model underestimation of H(q, p) at t = 0, 0.5, 1, 2, 3: %.4f %.4f %.4f %.4f %.4f%n",
                u0, u50, u100, u200, u300);
        double nearFit = Math.max(Math.abs(u0), Math.max(Math.abs(u50), Math.abs(u100)));
        assertThat(nearFit).isLessThan(0.1);
        assertThat(Math.abs(u200)).isGreaterThan(2 * nearFit);
        assertThat(Math.abs(u300)).isGreaterThan(2 * Math.abs(u200));
        // With the true density, the likelihood bounds catch nearly all of the unrelated Gaussian.
        assertThat(result.row(10, TestFamily.OUTLIER, 1.0, 0.0).trueTrueNegativeRate()).isGreaterThan(0.9);
        assertThat(baseline.trueTrueNegativeRate()).isCloseTo(0.025, within(0.005));
    }
}
