package org.fld4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.fld4j.io.UInt8Image;
import org.fld4j.metrics.fld.ConfidenceInterval;
import org.fld4j.metrics.fld.SampleEfficiencyOptions;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.fld4j.metrics.fld.SampleEfficiencyResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** The FLD report's figures hold the numbers they are given: checked against counts and formulas worked out here. */
class ReportChartsTest {

    /** Values whose histogram and density are easy to work out by hand. */
    private static final double[] REAL = {1.0, 1.2, 1.9, 2.0, 2.1, 2.5, 3.0, 3.3, 3.9, 4.0};
    private static final double[] GENERATED = {2.0, 2.6, 3.1, 3.4, 3.5, 4.4, 5.0};

    @Test
    void histogramsAreCountsOverAreaAndCurvesAreTheKernelDensity() {
        XYPlot plot = LikelihoodHistogramChart.build(REAL, GENERATED).getXYPlot();
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset(0);
        assertThat(bars.getSeriesCount()).isEqualTo(2);
        assertThat(bars.getItemCount(0)).isEqualTo(LikelihoodHistogramChart.BINS);
        // common bins from 1.0 to 5.0: width 4/30; bar height = count / (n * width)
        double width = 4.0 / LikelihoodHistogramChart.BINS;
        double[][] sets = {REAL, GENERATED};
        for (int series = 0; series < 2; series++) {
            double area = 0;
            for (int bin = 0; bin < LikelihoodHistogramChart.BINS; bin++) {
                double lo = 1.0 + bin * width;
                double hi = lo + width;
                long count = countIn(sets[series], lo, hi, bin == LikelihoodHistogramChart.BINS - 1);
                assertThat(bars.getStartXValue(series, bin)).isCloseTo(lo, within(1e-12));
                assertThat(bars.getYValue(series, bin)).as("series %d bin %d", series, bin)
                        .isCloseTo(count / (sets[series].length * width), within(1e-9));
                area += bars.getYValue(series, bin) * width;
            }
            assertThat(area).isCloseTo(1.0, within(1e-9));
        }
        // The curves: f(x) = 1/(n h) sum phi((x - x_i)/h), h = 0.9 min(sd, IQR/1.349) n^(-1/5).
        XYDataset curves = plot.getDataset(1);
        for (int series = 0; series < 2; series++) {
            double h = silverman(sets[series]);
            assertThat(curves.getItemCount(series)).isEqualTo(LikelihoodHistogramChart.CURVE_POINTS);
            for (int item = 0; item < curves.getItemCount(series); item += 37) {
                double x = curves.getXValue(series, item);
                assertThat(curves.getYValue(series, item)).as("series %d at %f", series, x)
                        .isCloseTo(density(sets[series], h, x), within(2e-3));
            }
        }
    }

    @Test
    void bootstrapChartShowsEveryResampleAndMarksTheScoreAndInterval() {
        double[] replicates = new double[200];
        for (int i = 0; i < replicates.length; i++) {
            replicates[i] = 0.1 + 0.001 * ((i * 37) % 200);
        }
        ConfidenceInterval interval = new ConfidenceInterval(0.105, 0.295, 0.95, 200);
        XYPlot plot = BootstrapChart.build(replicates, 0.2, interval).getXYPlot();
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset();
        double share = 0;
        for (int bin = 0; bin < bars.getItemCount(0); bin++) {
            share += bars.getYValue(0, bin);
        }
        assertThat(share).isCloseTo(1.0, within(1e-9));
        List<Double> lines = ((Collection<?>) plot.getDomainMarkers(Layer.FOREGROUND)).stream()
                .map(m -> ((ValueMarker) m).getValue()).toList();
        assertThat(lines).containsExactlyInAnyOrder(0.105, 0.295, 0.2);
        IntervalMarker band = (IntervalMarker) plot.getDomainMarkers(Layer.BACKGROUND).iterator().next();
        assertThat(band.getStartValue()).isEqualTo(0.105);
        assertThat(band.getEndValue()).isEqualTo(0.295);
    }

    @Test
    void sampleEfficiencyChartPlotsMeanAndQuantilesOfEachSize() {
        SampleEfficiencyResult result = new SampleEfficiencyResult(List.of(
                new SampleEfficiencyPoint(10, 5, 0.30, 0.05, 0.22, 0.31, 0.37),
                new SampleEfficiencyPoint(20, 5, 0.28, 0.03, 0.24, 0.28, 0.33)), 0.285, 40, 30,
                new SampleEfficiencyOptions(new int[] {10, 20}, 5, 0, false), List.of());
        JFreeChart chart = SampleEfficiencyChart.build(result);
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(2);
        assertThat(data.getYValue(0, 1)).isEqualTo(0.28);
        assertThat(data.getStartYValue(0, 1)).isEqualTo(0.24);
        assertThat(data.getEndYValue(0, 1)).isEqualTo(0.33);
        assertThat(data.getStartYValue(0, 0)).isEqualTo(0.22);
        assertThat(((ValueMarker) chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND).iterator().next()).getValue())
                .isEqualTo(0.285);
    }

    @Test
    void thumbnailsAreEnlargedPixelForPixel() {
        byte[] pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i * 7) % 256);
        }
        UInt8Image first = new UInt8Image(1, 28, 28, pixels);
        byte[] flat = new byte[28 * 28];
        Arrays.fill(flat, (byte) 200);
        UInt8Image second = new UInt8Image(1, 28, 28, flat);
        BufferedImage strip = ThumbnailStrip.render(List.of(new Thumbnail(4, "a", 3.5, first),
                new Thumbnail(9, "b", 2.25, second)));
        int scale = ThumbnailStrip.scale(28, 28);
        assertThat(scale).isEqualTo(4);
        int cell = Math.max(80, 28 * scale);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = pixels[y * 28 + x] & 0xff;
                for (int d : new int[] {0, scale - 1}) {
                    int px = ThumbnailStrip.GAP + x * scale + d;
                    int py = ThumbnailStrip.GAP + y * scale + d;
                    assertThat(strip.getRGB(px, py) & 0xffffff).isEqualTo(v << 16 | v << 8 | v);
                }
                int px = ThumbnailStrip.GAP + cell + ThumbnailStrip.GAP + x * scale + 1;
                assertThat(strip.getRGB(px, ThumbnailStrip.GAP + y * scale + 2) & 0xffffff).isEqualTo(0xc8c8c8);
            }
        }
        assertThat(strip.getWidth()).isEqualTo(ThumbnailStrip.GAP + 2 * (cell + ThumbnailStrip.GAP));
    }

    private static long countIn(double[] values, double lo, double hi, boolean last) {
        return Arrays.stream(values).filter(v -> v >= lo - 1e-12 && (last ? v <= hi + 1e-12 : v < hi - 1e-12)).count();
    }

    /** Silverman's rule, with the sample standard deviation and type-7 quartiles worked out here. */
    static double silverman(double[] values) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double iqr = type7(sorted, 0.75) - type7(sorted, 0.25);
        return 0.9 * Math.min(sd, iqr / 1.349) * Math.pow(n, -0.2);
    }

    static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double density(double[] values, double h, double x) {
        double sum = 0;
        for (double v : values) {
            double u = (x - v) / h;
            sum += Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
        }
        return sum / (values.length * h);
    }
}
