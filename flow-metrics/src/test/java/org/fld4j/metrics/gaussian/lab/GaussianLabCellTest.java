package org.fld4j.metrics.gaussian.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.Flow;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.TestFamily;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The lab's steps run one at a time (reference set, summary, each cell on its own with the reference set passed
 * in) give exactly the lab's evaluation of the whole grid: what lets the cells of a dimension run on different
 * machines.
 */
class GaussianLabCellTest {

    private static final int D = 3;

    private final GaussianLab lab = new GaussianLab(GaussianLabOptions.builder().dimensions(D)
            .families(TestFamily.AFFINE, TestFamily.PERTURBED, TestFamily.OUTLIER).scales(0.5, 1.0).shifts(0.0, 0.5)
            .testSamples(5_000).chunkRows(1_000).kdePoints(64).seed(11).workers(2).build());
    private final GaussianTestBed bed = lab.testBed(D);
    private final Flow model = Flow.dense(D).couplings(2).hidden(8).dataType(DataType.FLOAT).seed(3).build();

    @Test
    void cellsEvaluatedOneByOneEqualTheWholeGrid() {
        GaussianLabResult whole = lab.evaluate(bed, model, new GaussianLabListener() { });

        ScoredSample reference = lab.scoreReference(bed, model);
        List<GaussianLabResult> parts = new ArrayList<>();
        parts.add(new GaussianLabResult(lab.options(), List.of(lab.summarize(bed, null, null, reference)), List.of(),
                List.of()));
        // A fresh copy of the model per cell, as a machine that loaded it would have.
        for (TestFamily family : lab.options().families()) {
            for (double s : lab.options().scales()) {
                for (double t : lab.options().shifts()) {
                    GaussianLabResult cell = lab.evaluateCell(bed, Flow.of(model.toNetwork()), reference, family, s,
                            t);
                    assertThat(cell.dimensions()).isEmpty();
                    assertThat(cell.rows()).hasSize(1);
                    assertThat(cell.curves()).hasSize(1);
                    parts.add(cell);
                }
            }
        }
        GaussianLabResult joined = GaussianLabResult.concatenate(lab.options(), parts);
        assertThat(joined.rows()).hasSize(12).isEqualTo(whole.rows());
        assertThat(joined.curves()).isEqualTo(whole.curves());
        assertThat(joined.dimensions()).isEqualTo(whole.dimensions());
        assertThat(joined).isEqualTo(whole);
    }

    @Test
    void aCellOutsideTheGridOrAForeignReferenceSetIsRefused() {
        ScoredSample reference = lab.scoreReference(bed, model);
        assertThatThrownBy(() -> lab.evaluateCell(bed, model, reference, TestFamily.AFFINE, 0.75, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a cell of the lab's grid");
        ScoredSample small = new ScoredSample(new double[] {1, 2}, new double[] {1, 2});
        assertThatThrownBy(() -> lab.evaluateCell(bed, model, small, TestFamily.AFFINE, 1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference set has 2 samples");
    }
}
