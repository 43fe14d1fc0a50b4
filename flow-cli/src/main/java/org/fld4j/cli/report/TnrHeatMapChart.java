package org.fld4j.cli.report;

import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import java.util.List;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.LabRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Figure (g): the true-negative rate of the likelihood-bounds detector over scale and shift for one dimension and
 * one test family, as two heat maps side by side: bounds on the model's log-likelihoods (subplot 0,
 * {@link LabRow#modelTrueNegativeRate()}) and on the true log-density (subplot 1,
 * {@link LabRow#trueTrueNegativeRate()}). Cells sit at (shift index, scale index), each with its rate written in it.
 */
final class TnrHeatMapChart {

    private TnrHeatMapChart() {
    }

    static JFreeChart build(List<LabRow> rows, int dimension, TestFamily family, List<Double> scales,
                            List<Double> shifts) {
        PaintScale paint = new RatePaintScale();
        SymbolAxis scaleAxis = new SymbolAxis("scale s", labels(scales));
        scaleAxis.setGridBandsVisible(false);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(scaleAxis);
        plot.setGap(16);
        plot.add(map(rows, dimension, family, scales, shifts, true, paint));
        plot.add(map(rows, dimension, family, scales, shifts, false, paint));
        JFreeChart chart = new JFreeChart(null, ChartImages.TITLE, plot, false);
        NumberAxis legendAxis = new NumberAxis("true-negative rate");
        legendAxis.setRange(0, 1);
        legendAxis.setLabelFont(ChartImages.TEXT);
        legendAxis.setTickLabelFont(ChartImages.SMALL);
        PaintScaleLegend legend = new PaintScaleLegend(paint, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(20, 10, 20, 6);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        scaleAxis.setLabelFont(ChartImages.TEXT);
        scaleAxis.setTickLabelFont(ChartImages.SMALL);
        return chart;
    }

    /** One map: the model's rates or the true density's. */
    private static XYPlot map(List<LabRow> rows, int dimension, TestFamily family, List<Double> scales,
                              List<Double> shifts, boolean model, PaintScale paint) {
        int n = 0;
        double[][] xyz = new double[3][rows.size()];
        XYPlot plot = new XYPlot();
        for (LabRow r : rows) {
            int row = scales.indexOf(r.scale());
            int column = shifts.indexOf(r.shift());
            if (r.dimension() != dimension || r.family() != family || row < 0 || column < 0) {
                continue;
            }
            double rate = model ? r.modelTrueNegativeRate() : r.trueTrueNegativeRate();
            xyz[0][n] = column;
            xyz[1][n] = row;
            xyz[2][n] = rate;
            n++;
            XYTextAnnotation text = new XYTextAnnotation(ReportText.number(rate, 2), column, row);
            text.setFont(ChartImages.SMALL);
            text.setPaint(Double.isFinite(rate) && rate > 0.6 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(text);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(model ? "model" : "true", new double[][] {
                Arrays.copyOf(xyz[0], n), Arrays.copyOf(xyz[1], n),
                Arrays.copyOf(xyz[2], n)});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(paint);
        SymbolAxis shiftAxis = new SymbolAxis("shift t: bounds on " + (model ? "log p_\u03b8, the model"
                : "log p, the true density"), labels(shifts));
        shiftAxis.setGridBandsVisible(false);
        shiftAxis.setLabelFont(ChartImages.TEXT);
        shiftAxis.setTickLabelFont(ChartImages.SMALL);
        plot.setDataset(data);
        plot.setDomainAxis(shiftAxis);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    private static String[] labels(List<Double> values) {
        return values.stream().map(ReportText::level).toArray(String[]::new);
    }

    /** White at 0 to dark blue at 1; light gray where a rate is missing. */
    static final class RatePaintScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return new Color(0xeeeeee);
            }
            double v = Math.max(0, Math.min(1, value));
            Color dark = new Color(0x08306b);
            return new Color(mix(255, dark.getRed(), v), mix(255, dark.getGreen(), v), mix(255, dark.getBlue(), v));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
