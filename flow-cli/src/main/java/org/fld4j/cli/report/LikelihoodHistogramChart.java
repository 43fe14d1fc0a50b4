package org.fld4j.cli.report;

import java.awt.BasicStroke;
import org.fld4j.metrics.likelihood.BandwidthRule;
import org.fld4j.metrics.likelihood.DensityCurve;
import org.fld4j.metrics.likelihood.KernelDensityEstimate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure (a): how likely each image is, as bits per dimension, for the held-out real and the generated images:
 * histograms scaled to unit area (dataset 0, real then generated) under Gaussian kernel density estimates with
 * Silverman's bandwidth (dataset 1, in the same order). Both sets share the bins, so the bars compare directly.
 */
final class LikelihoodHistogramChart {

    /** Bins over the common range of both sets. */
    static final int BINS = 30;
    /** Points of each density curve. */
    static final int CURVE_POINTS = 200;

    private LikelihoodHistogramChart() {
    }

    /**
     * @param realBpd      bits per dimension of each held-out real image
     * @param generatedBpd bits per dimension of each generated image
     */
    static JFreeChart build(double[] realBpd, double[] generatedBpd) {
        double[] range = Ranges.commonRange(realBpd, generatedBpd);
        HistogramDataset bars = new HistogramDataset();
        bars.setType(HistogramType.SCALE_AREA_TO_1);
        String realName = "held-out real (" + ReportText.count(realBpd.length) + ")";
        String generatedName = "generated (" + ReportText.count(generatedBpd.length) + ")";
        bars.addSeries(realName, realBpd, BINS, range[0], range[1]);
        bars.addSeries(generatedName, generatedBpd, BINS, range[0], range[1]);

        // the curves run a little beyond the bars, where the kernels still have weight
        double margin = 0.05 * (range[1] - range[0]);
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(curve(realName + " density", realBpd, range[0] - margin, range[1] + margin));
        curves.addSeries(curve(generatedName + " density", generatedBpd, range[0] - margin, range[1] + margin));

        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setSeriesPaint(0, ChartImages.translucent(ChartImages.BLUE, 110));
        barRenderer.setSeriesPaint(1, ChartImages.translucent(ChartImages.ORANGE, 110));

        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, ChartImages.BLUE);
        lineRenderer.setSeriesPaint(1, ChartImages.ORANGE);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lineRenderer.setSeriesStroke(1, new BasicStroke(2f));
        lineRenderer.setDefaultSeriesVisibleInLegend(false);

        NumberAxis x = new NumberAxis("bits per dimension (lower: more likely under the reference flow)");
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(bars, x, new NumberAxis("density"), barRenderer);
        plot.setDataset(1, curves);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return ChartImages.styled(new JFreeChart(null, ChartImages.TITLE, plot, true));
    }

    /** The kernel density estimate on the grid; empty when the values cannot have one (fewer than two distinct). */
    private static XYSeries curve(String name, double[] values, double lo, double hi) {
        XYSeries series = new XYSeries(name, false, true);
        if (!Ranges.varies(values)) {
            return series;
        }
        DensityCurve curve = KernelDensityEstimate.of(values, BandwidthRule.SILVERMAN).curve(lo, hi, CURVE_POINTS);
        double[] at = curve.x();
        double[] density = curve.density();
        for (int i = 0; i < at.length; i++) {
            series.add(at[i], density[i]);
        }
        return series;
    }
}
