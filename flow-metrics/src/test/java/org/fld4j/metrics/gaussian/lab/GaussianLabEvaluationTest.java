package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fld4j.core.Flow;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.MultivariateGaussian;
import org.fld4j.metrics.gaussian.TestFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The lab's evaluation with a model whose density is known: a fresh flow is the identity, so
 * {@code p_theta = N(0, I)} and every model figure has a closed form too.
 */
class GaussianLabEvaluationTest {

    private static final int D = 4;
    private static final int N = 20_000;

    private final GaussianLab lab = new GaussianLab(GaussianLabOptions.builder().dimensions(D).scales(0.5, 1.0)
            .shifts(0.0, 0.5).testSamples(N).kdePoints(128).seed(5).build());
    private final GaussianTestBed bed = lab.testBed(D);
    private final Flow identity = Flow.dense(D).couplings(2).hidden(8).dataType(DataType.DOUBLE).build();

    /** {@code H(q, N(0, I)) = 1/2 [D log 2 pi + tr Sigma_q + |mu_q|^2]}. */
    private static double crossEntropyWithStandardNormal(MultivariateGaussian q) {
        double sum = D * Math.log(2 * Math.PI);
        for (int i = 0; i < D; i++) {
            sum += q.covariance()[i][i] + q.mean()[i] * q.mean()[i];
        }
        return 0.5 * sum;
    }

    @Test
    void everyCellAgreesWithTheClosedForms() {
        List<String> events = new ArrayList<>();
        GaussianLabListener listener = new GaussianLabListener() {
            @Override
            public void onPhase(int dimension, LabPhase phase) {
                events.add(dimension + " " + phase);
            }

            @Override
            public void onCell(LabRow row, int cellsDone, int cellsTotal) {
                events.add(cellsDone + "/" + cellsTotal);
            }
        };
        GaussianLabResult result = lab.evaluate(bed, identity, listener);
        assertThat(events).startsWith("4 REFERENCE", "4 CELLS", "1/12", "2/12").endsWith("12/12").hasSize(14);
        assertThat(result.rows()).hasSize(12);
        for (LabRow row : result.rows()) {
            MultivariateGaussian q = bed.distribution(row.family(), row.scale(), row.shift(), lab.options().alpha(),
                    lab.options().beta());
            assertThat(row.samples()).isEqualTo(N);
            assertThat(row.crossEntropy()).isEqualTo(q.crossEntropy(bed.training()));
            assertThat(row.crossEntropyEstimate()).as("%s", row)
                    .isCloseTo(row.crossEntropy(), within(4 * row.crossEntropyEstimateError()));
            assertThat(row.modelCrossEntropy()).as("%s", row)
                    .isCloseTo(crossEntropyWithStandardNormal(q), within(4 * row.modelCrossEntropyError()));
            assertThat(row.modelKlDivergence()).isCloseTo(row.modelCrossEntropy() - q.entropy(), within(1e-12));
            assertThat(row.klDivergence()).isEqualTo(q.klDivergence(bed.training()));
        }
        // q = p: the test set is another sample of p.
        LabRow same = result.row(D, TestFamily.AFFINE, 1.0, 0.0);
        assertThat(same.trueTrueNegativeRate()).isCloseTo(0.025, within(0.006));
        assertThat(same.trueOverlap()).isGreaterThan(0.95);
        assertThat(same.trueAuroc()).isCloseTo(0.5, within(0.02));
        // Contracted and shifted: the true density separates it better than by chance.
        assertThat(result.row(D, TestFamily.AFFINE, 0.5, 0.5).trueAuroc()).isGreaterThan(0.6);
        DimensionSummary summary = result.dimensions().get(0);
        assertThat(summary.referenceCrossEntropy()).isCloseTo(bed.training().entropy(), within(0.05));
        assertThat(summary.trueLowerBound()).isLessThan(summary.trueUpperBound());
        assertThat(summary.training()).isNull();
    }

    @Test
    void theWorkerCountDoesNotChangeTheTable() {
        GaussianLab serial = new GaussianLab(lab.options().toBuilder().workers(1).build());
        GaussianLab parallel = new GaussianLab(lab.options().toBuilder().workers(3).build());
        GaussianLabResult a = serial.evaluate(bed, identity, new GaussianLabListener() { });
        GaussianLabResult b = parallel.evaluate(bed, identity, new GaussianLabListener() { });
        assertThat(b.rows()).isEqualTo(a.rows());
        DimensionSummary x = a.dimensions().get(0);
        DimensionSummary y = b.dimensions().get(0);
        assertThat(y.referenceModelCrossEntropy()).isEqualTo(x.referenceModelCrossEntropy());
        assertThat(y.modelLowerBound()).isEqualTo(x.modelLowerBound());
        assertThat(y.referenceModelLogLikelihood().density()).containsExactly(x.referenceModelLogLikelihood().density());
    }

    @Test
    void theSameSeedGivesTheSameTable() {
        GaussianLabResult a = lab.evaluate(bed, identity, new GaussianLabListener() { });
        GaussianLabResult b = lab.evaluate(lab.testBed(D), identity, new GaussianLabListener() { });
        assertThat(a.rows()).isEqualTo(b.rows());
        GaussianLab other = new GaussianLab(lab.options().toBuilder().seed(6).build());
        assertThat(other.evaluate(other.testBed(D), identity, new GaussianLabListener() { }).rows())
                .isNotEqualTo(a.rows());
    }

    @Test
    void writesTheTableAndCurvesAsCsvAndJson(@TempDir Path dir) throws IOException {
        GaussianLabOptions options = lab.options().toBuilder().families(TestFamily.PERTURBED).build();
        GaussianLabResult result = new GaussianLab(options).evaluate(bed, identity, new GaussianLabListener() { });
        Path csv = dir.resolve("lab.csv");
        Path curves = dir.resolve("curves.csv");
        Path json = dir.resolve("lab.json");
        result.writeCsv(csv);
        result.writeCurvesCsv(curves);
        result.writeJson(json);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("dimension,family,s,t,samples,cross_entropy,");
        LabRow first = result.rows().get(0);
        String[] cells = lines.get(1).split(",");
        assertThat(cells[1]).isEqualTo("perturbed");
        assertThat(Double.parseDouble(cells[5])).isEqualTo(first.crossEntropy());
        assertThat(Double.parseDouble(cells[18])).isEqualTo(first.trueAuroc());

        // 2 reference curves and 2 per cell, 128 points each.
        assertThat(Files.readAllLines(curves)).hasSize(1 + (2 + 2 * 4) * 128);

        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(json));
        assertThat(root.get("format")).isEqualTo("fld4j-gaussian-lab");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) root.get("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("cross_entropy")).isEqualTo(first.crossEntropy());
        assertThat(rows.get(0).get("samples")).isEqualTo((long) N);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> curveList = (List<Map<String, Object>>) root.get("curves");
        @SuppressWarnings("unchecked")
        Map<String, Object> modelCurve = (Map<String, Object>) curveList.get(0).get("model");
        assertThat((List<?>) modelCurve.get("density")).hasSize(128);
    }

    @Test
    void aMillionSamplesPerSetStreamThrough() {
        // The thesis' N: sampled, scored and summarised in chunks with a tiny model.
        int d = 10;
        GaussianLab big = new GaussianLab(GaussianLabOptions.builder().dimensions(d).families(TestFamily.AFFINE)
                .scales(1.0).shifts(0.5).testSamples(1_000_000).build());
        GaussianTestBed bigBed = big.testBed(d);
        Flow tiny = Flow.dense(d).couplings(2).hidden(2).build();
        LabRow row = big.evaluate(bigBed, tiny, new GaussianLabListener() { }).rows().get(0);
        assertThat(row.samples()).isEqualTo(1_000_000);
        assertThat(row.crossEntropyEstimate()).isCloseTo(row.crossEntropy(), within(4 * row.crossEntropyEstimateError()));
        MultivariateGaussian q = bigBed.distribution(TestFamily.AFFINE, 1.0, 0.5, 0, 0);
        double expected = 0.5 * d * Math.log(2 * Math.PI);
        for (int i = 0; i < d; i++) {
            expected += 0.5 * (q.covariance()[i][i] + q.mean()[i] * q.mean()[i]);
        }
        // float32 inputs change each log-likelihood by about 1e-6 relative: far below the standard error.
        assertThat(row.modelCrossEntropy()).isCloseTo(expected, within(4 * row.modelCrossEntropyError()));
    }
}
