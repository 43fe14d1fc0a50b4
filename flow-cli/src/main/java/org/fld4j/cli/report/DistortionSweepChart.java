package org.fld4j.cli.report;

import java.awt.BasicStroke;
import java.util.List;
import java.util.stream.Collectors;
import org.fld4j.metrics.fld.DistortionSweepResult;
import org.fld4j.metrics.fld.FldScore;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Figure (d): FLD of the swept images undistorted (x = 0) and at each level of each distortion (x = 1, 2, ... from
 * mild to strong), one line per kind, each point with its bootstrap interval as an error bar. Kinds have parameters
 * in different units, so the x axis counts levels; the legend names each kind's values.
 */
final class DistortionSweepChart {

    private DistortionSweepChart() {
    }

    static JFreeChart build(List<DistortionSweepResult> sweeps) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (DistortionSweepResult sweep : sweeps) {
            YIntervalSeries series = new YIntervalSeries(name(sweep));
            add(series, 0, sweep.undistorted());
            for (int i = 0; i < sweep.scores().size(); i++) {
                add(series, i + 1, sweep.scores().get(i));
            }
            data.addSeries(series);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorPaint(null);
        for (int i = 0; i < sweeps.size(); i++) {
            renderer.setSeriesPaint(i, ChartImages.PALETTE[i % ChartImages.PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        int steps = sweeps.stream().mapToInt(s -> s.levels().size()).max().orElse(0);
        String[] labels = new String[steps + 1];
        labels[0] = "undistorted";
        for (int i = 1; i <= steps; i++) {
            labels[i] = "level " + i;
        }
        SymbolAxis x = new SymbolAxis("levels from mild to strong (the legend gives each distortion's values)",
                labels);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("FLD (bars: bootstrap interval)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(ChartImages.GRAY);
        plot.addRangeMarker(zero);
        return ChartImages.styled(new JFreeChart(null, ChartImages.TITLE, plot, true));
    }

    private static void add(YIntervalSeries series, int step, FldScore score) {
        series.add(step, score.value(), score.interval().lower(), score.interval().upper());
    }

    /** E.g. {@code additive-noise (sigma 8, 16, 32)}. */
    static String name(DistortionSweepResult sweep) {
        return sweep.kind().shortName() + " (" + sweep.kind().parameterName() + " "
                + sweep.levels().stream().map(ReportText::level).collect(Collectors.joining(", ")) + ")";
    }
}
