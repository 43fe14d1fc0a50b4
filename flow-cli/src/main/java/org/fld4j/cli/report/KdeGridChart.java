package org.fld4j.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.CellCurves;
import org.fld4j.metrics.likelihood.DensityCurve;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure (f), after the thesis' figures: for one dimension and one test family, a grid of panels, scales down and
 * shifts across, each with the kernel density of the model's log-likelihoods {@code log p_theta(x)} (series 0) and
 * of the true log-density {@code log p(x)} (series 1) over that cell's test samples, as {@link CellCurves} holds
 * them.
 */
final class KdeGridChart {

    static final int CELL_WIDTH = 240;
    static final int CELL_HEIGHT = 170;
    static final int ROW_LABEL = 70;
    static final int HEADER = 56;

    private KdeGridChart() {
    }

    /** The cells of one dimension and family, {@code [scale][shift]} in the given orders; null where none was run. */
    static CellCurves[][] arrange(List<CellCurves> curves, int dimension, TestFamily family, List<Double> scales,
                                  List<Double> shifts) {
        CellCurves[][] grid = new CellCurves[scales.size()][shifts.size()];
        for (CellCurves c : curves) {
            int row = scales.indexOf(c.scale());
            int column = shifts.indexOf(c.shift());
            if (c.dimension() == dimension && c.family() == family && row >= 0 && column >= 0) {
                grid[row][column] = c;
            }
        }
        return grid;
    }

    /** One panel: the model's curve, then the true one. */
    static JFreeChart cell(CellCurves cell) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("log p_theta(x), model", cell.modelLogLikelihood()));
        data.addSeries(series("log p(x), true", cell.trueLogDensity()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartImages.BLUE);
        renderer.setSeriesPaint(1, ChartImages.ORANGE);
        renderer.setSeriesStroke(0, new BasicStroke(1.8f));
        renderer.setSeriesStroke(1, new BasicStroke(1.8f));
        NumberAxis x = new NumberAxis();
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis();
        y.setTickLabelsVisible(false);
        y.setTickMarksVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = ChartImages.styled(new JFreeChart(null, ChartImages.SMALL, plot, false));
        x.setTickLabelFont(ChartImages.SMALL);
        return chart;
    }

    private static XYSeries series(String name, DensityCurve curve) {
        XYSeries series = new XYSeries(name, false, true);
        double[] at = curve.x();
        double[] density = curve.density();
        for (int i = 0; i < at.length; i++) {
            series.add(at[i], density[i]);
        }
        return series;
    }

    /** The grid as one image, with a legend, the shifts above the columns and the scales left of the rows. */
    static BufferedImage render(List<CellCurves> curves, int dimension, TestFamily family, List<Double> scales,
                                List<Double> shifts) {
        ChartImages.headless();
        CellCurves[][] grid = arrange(curves, dimension, family, scales, shifts);
        BufferedImage image = new BufferedImage(ROW_LABEL + shifts.size() * CELL_WIDTH + 10,
                HEADER + scales.size() * CELL_HEIGHT + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            legend(g, dimension, family);
            g.setFont(ChartImages.TEXT);
            g.setColor(Color.DARK_GRAY);
            FontMetrics metrics = g.getFontMetrics();
            for (int j = 0; j < shifts.size(); j++) {
                String label = "shift t = " + ReportText.level(shifts.get(j));
                g.drawString(label, ROW_LABEL + j * CELL_WIDTH + (CELL_WIDTH - metrics.stringWidth(label)) / 2,
                        HEADER - 6);
            }
            for (int i = 0; i < scales.size(); i++) {
                // drawing a chart leaves its own font and colour in the graphics: set them again for each label
                g.setFont(ChartImages.TEXT);
                g.setColor(Color.DARK_GRAY);
                g.drawString("s = " + ReportText.level(scales.get(i)), 6, HEADER + i * CELL_HEIGHT + CELL_HEIGHT / 2);
                for (int j = 0; j < shifts.size(); j++) {
                    if (grid[i][j] != null) {
                        cell(grid[i][j]).draw(g, new Rectangle2D.Double(ROW_LABEL + j * CELL_WIDTH,
                                HEADER + i * CELL_HEIGHT, CELL_WIDTH - 4, CELL_HEIGHT - 4));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void legend(Graphics2D g, int dimension, TestFamily family) {
        g.setFont(ChartImages.TITLE);
        g.setColor(Color.BLACK);
        g.drawString("D = " + dimension + ", " + family.name().toLowerCase(Locale.ROOT)
                + " family: densities of the log-likelihoods of q's samples", 6, 18);
        g.setFont(ChartImages.TEXT);
        int x = ROW_LABEL;
        x = legendItem(g, x, ChartImages.BLUE, "log p_\u03b8(x), the model");
        legendItem(g, x + 24, ChartImages.ORANGE, "log p(x), the true density");
    }

    private static int legendItem(Graphics2D g, int x, Color color, String text) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(x, 31, x + 24, 31);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 30, 35);
        return x + 30 + g.getFontMetrics().stringWidth(text);
    }
}
