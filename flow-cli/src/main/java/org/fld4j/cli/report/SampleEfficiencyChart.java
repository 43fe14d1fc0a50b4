package org.fld4j.cli.report;

import java.awt.BasicStroke;
import java.util.List;
import org.fld4j.metrics.fld.SampleEfficiencyPoint;
import org.fld4j.metrics.fld.SampleEfficiencyResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Figure (c): FLD of random subsets of the generated images against their size: the mean over the subsets as a
 * line, the band from their 5% to their 95% quantile around it, and FLD of the whole set as a dashed horizontal
 * line. The sizes are evenly spaced on the x axis (x = position of the size, labelled with the size): they usually
 * grow about geometrically, and a log axis would label them with numbers no one asked for.
 */
final class SampleEfficiencyChart {

    private SampleEfficiencyChart() {
    }

    static JFreeChart build(SampleEfficiencyResult result) {
        YIntervalSeries subsets = new YIntervalSeries("mean FLD of the subsets; band: their 5% to 95% quantiles");
        List<SampleEfficiencyPoint> points = result.points();
        String[] sizes = new String[points.size()];
        for (int i = 0; i < points.size(); i++) {
            SampleEfficiencyPoint p = points.get(i);
            subsets.add(i, p.mean(), p.q05(), p.q95());
            sizes[i] = ReportText.count(p.size());
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(subsets);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, ChartImages.BLUE);
        renderer.setSeriesFillPaint(0, ChartImages.translucent(ChartImages.BLUE, 60));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setAlpha(1f);

        SymbolAxis x = new SymbolAxis("generated images in each subset", sizes);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("FLD");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);

        ValueMarker full = new ValueMarker(result.fullFld());
        full.setPaint(ChartImages.RED);
        full.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        full.setLabel("all " + ReportText.count(result.generatedCount()) + " images: FLD "
                + ReportText.number(result.fullFld(), 4));
        full.setLabelFont(ChartImages.SMALL);
        full.setLabelPaint(ChartImages.RED);
        full.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        full.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(full);
        return ChartImages.styled(new JFreeChart(null, ChartImages.TITLE, plot, true));
    }
}
