package org.fld4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fld4j.cli.common.CliException;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.CellCurves;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.gaussian.lab.LabRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gaussian experiment report on a tiny lab run: D = 2 and 3, two scales, two shifts, 2,000 samples a cell. */
class ExperimentReportWriterTest {

    static final List<Double> SCALES = List.of(0.5, 1.0);
    static final List<Double> SHIFTS = List.of(0.0, 0.75);
    static GaussianLabResult result;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runTheLab() {
        FlowPreset quick = FlowPreset.forDimension(2).withBudget(2, Duration.ofSeconds(20));
        GaussianLabOptions options = GaussianLabOptions.builder().dimensions(2, 3)
                .scales(SCALES.toArray(Double[]::new)).shifts(SHIFTS.toArray(Double[]::new))
                .testSamples(2000).trainingSamples(2000).kdePoints(64).workers(1).seed(4)
                .preset(2, quick).preset(3, quick).build();
        result = new GaussianLab(options).run();
    }

    @Test
    void everyDimensionAndFamilyHasItsGridAndHeatMap() throws IOException {
        Path dir = tmp.resolve("experiment");
        Path page = ExperimentReportWriter.write(result, dir);
        List<String> linked = ReportFiles.assertValid(dir);
        for (int d : List.of(2, 3)) {
            for (String family : List.of("affine", "perturbed", "outlier")) {
                assertThat(linked).contains("kde-d" + d + "-" + family + ".png", "tnr-d" + d + "-" + family + ".png");
            }
        }
        assertThat(linked).hasSize(12);
        String html = Files.readString(page);
        LabRow some = result.row(3, TestFamily.OUTLIER, 0.5, 0.75);
        assertThat(html).contains(ReportText.number(some.modelTrueNegativeRate(), 3))
                .contains(ReportText.number(some.klDivergence(), 3));
        assertThat(new ObjectMapper().readTree(dir.resolve("result.json").toFile()).isObject()).isTrue();
        // a second run replaces its own earlier report
        assertThatCode(() -> ExperimentReportWriter.write(result, dir)).doesNotThrowAnyException();
        assertThat(ReportFiles.assertValid(dir)).hasSize(12);
    }

    @Test
    void aForeignFolderIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(dir.resolve("train.csv"), "1,2,3");
        assertThatThrownBy(() -> ExperimentReportWriter.write(result, dir)).isInstanceOf(CliException.class);
    }

    /** Panel (scale i, shift j) of a grid shows the curves of exactly that cell: model first, then true. */
    @Test
    void kdePanelsHoldTheCellsCurves() {
        CellCurves[][] grid = KdeGridChart.arrange(result.curves(), 3, TestFamily.PERTURBED, SCALES, SHIFTS);
        for (int i = 0; i < SCALES.size(); i++) {
            for (int j = 0; j < SHIFTS.size(); j++) {
                CellCurves cell = grid[i][j];
                assertThat(cell.dimension()).isEqualTo(3);
                assertThat(cell.family()).isEqualTo(TestFamily.PERTURBED);
                assertThat(cell.scale()).isEqualTo(SCALES.get(i));
                assertThat(cell.shift()).isEqualTo(SHIFTS.get(j));
                XYDataset data = KdeGridChart.cell(cell).getXYPlot().getDataset();
                double[] modelX = cell.modelLogLikelihood().x();
                double[] modelY = cell.modelLogLikelihood().density();
                double[] trueY = cell.trueLogDensity().density();
                assertThat(data.getItemCount(0)).isEqualTo(64);
                for (int k = 0; k < 64; k += 9) {
                    assertThat(data.getXValue(0, k)).isEqualTo(modelX[k]);
                    assertThat(data.getYValue(0, k)).isEqualTo(modelY[k]);
                    assertThat(data.getYValue(1, k)).isEqualTo(trueY[k]);
                }
            }
        }
    }

    /** Each block of a heat map is one row's rate, at (shift index, scale index). */
    @Test
    void heatMapBlocksAreTheRowsRates() {
        JFreeChart chart = TnrHeatMapChart.build(result.rows(), 2, TestFamily.AFFINE, SCALES, SHIFTS);
        @SuppressWarnings("unchecked")
        List<XYPlot> maps = ((CombinedRangeXYPlot) chart.getPlot()).getSubplots();
        assertThat(maps).hasSize(2);
        for (int m = 0; m < 2; m++) {
            XYZDataset data = (XYZDataset) maps.get(m).getDataset();
            assertThat(data.getItemCount(0)).isEqualTo(4);
            for (int k = 0; k < 4; k++) {
                LabRow row = result.row(2, TestFamily.AFFINE, SCALES.get((int) data.getYValue(0, k)),
                        SHIFTS.get((int) data.getXValue(0, k)));
                assertThat(data.getZValue(0, k))
                        .isEqualTo(m == 0 ? row.modelTrueNegativeRate() : row.trueTrueNegativeRate());
            }
        }
    }
}
