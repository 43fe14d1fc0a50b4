package org.fld4j.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.fld4j.metrics.fld.ConfidenceInterval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/**
 * Figure (b): the bootstrap distribution of FLD, a histogram of the resampled values (share of resamples per
 * bin), with the point value (solid line) and the interval's ends (dashed lines over a shaded band) marked.
 */
final class BootstrapChart {

    static final int BINS = 40;

    private BootstrapChart() {
    }

    /**
     * @param replicates the FLD of every bootstrap resample
     * @param value      FLD of the sets as they are
     * @param interval   the percentile interval of {@code replicates}
     */
    static JFreeChart build(double[] replicates, double value, ConfidenceInterval interval) {
        double[] range = Ranges.commonRange(replicates);
        HistogramDataset bars = new HistogramDataset();
        bars.setType(HistogramType.RELATIVE_FREQUENCY);
        bars.addSeries(ReportText.count(replicates.length) + " bootstrap resamples", replicates, BINS, range[0],
                range[1]);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartImages.translucent(ChartImages.BLUE, 150));
        renderer.setDrawBarOutline(false);

        NumberAxis x = new NumberAxis("FLD of a resample");
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(bars, x, new NumberAxis("share of resamples"), renderer);

        IntervalMarker band = new IntervalMarker(interval.lower(), interval.upper());
        band.setPaint(ChartImages.translucent(ChartImages.ORANGE, 45));
        plot.addDomainMarker(band, Layer.BACKGROUND);
        String percent = ReportText.number(100 * interval.confidence(), 0) + "%";
        plot.addDomainMarker(line(interval.lower(), ChartImages.RED, true, percent + " lower " 
                + ReportText.number(interval.lower(), 4), TextAnchor.TOP_RIGHT, RectangleAnchor.TOP_LEFT));
        plot.addDomainMarker(line(interval.upper(), ChartImages.RED, true, "upper "
                + ReportText.number(interval.upper(), 4), TextAnchor.TOP_LEFT, RectangleAnchor.TOP_RIGHT));
        plot.addDomainMarker(line(value, Color.BLACK, false, "FLD " + ReportText.number(value, 4),
                TextAnchor.BOTTOM_LEFT, RectangleAnchor.BOTTOM_RIGHT));
        return ChartImages.styled(new JFreeChart(null, ChartImages.TITLE, plot, true));
    }

    private static ValueMarker line(double at, Color color, boolean dashed, String label, TextAnchor text,
                                    RectangleAnchor anchor) {
        ValueMarker marker = new ValueMarker(at);
        marker.setPaint(color);
        marker.setStroke(dashed ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(2.2f));
        marker.setLabel(label);
        marker.setLabelFont(ChartImages.SMALL);
        marker.setLabelPaint(color);
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(text);
        return marker;
    }
}
