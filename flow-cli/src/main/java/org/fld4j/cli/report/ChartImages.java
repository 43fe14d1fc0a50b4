package org.fld4j.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/**
 * The look every report figure shares (white background, light grid, one palette) and the rendering of charts to
 * images. AWT runs headless: a report is written on servers without a display, and nothing here opens a window.
 */
final class ChartImages {

    static {
        // before the fonts below load AWT: a DISPLAY that is set but unreachable must not matter
        headless();
    }

    /** Held-out real images, model log-likelihoods. */
    static final Color BLUE = new Color(0x1f77b4);
    /** Generated images, true log-densities. */
    static final Color ORANGE = new Color(0xff7f0e);
    static final Color GREEN = new Color(0x2ca02c);
    static final Color RED = new Color(0xd62728);
    static final Color PURPLE = new Color(0x9467bd);
    static final Color BROWN = new Color(0x8c564b);
    static final Color PINK = new Color(0xe377c2);
    static final Color GRAY = new Color(0x7f7f7f);
    /** Series colours in order. */
    static final Color[] PALETTE = {BLUE, ORANGE, GREEN, RED, PURPLE, BROWN, PINK, GRAY};

    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private ChartImages() {
    }

    /** Makes AWT headless before anything draws; harmless when it already is. */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** {@code color} with an alpha of {@code alpha} (0..255). */
    static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** Applies the shared look to a chart with an XY plot. */
    static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TEXT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRAY);
        if (plot instanceof XYPlot xy) {
            styleAxes(xy);
        }
        return chart;
    }

    /** Grid and axis fonts of one XY plot. */
    static void styleAxes(XYPlot xy) {
        xy.setBackgroundPaint(Color.WHITE);
        xy.setDomainGridlinePaint(new Color(0xdddddd));
        xy.setRangeGridlinePaint(new Color(0xdddddd));
        xy.setDomainGridlineStroke(new BasicStroke(0.8f));
        xy.setRangeGridlineStroke(new BasicStroke(0.8f));
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            if (xy.getDomainAxis(i) != null) {
                xy.getDomainAxis(i).setLabelFont(TEXT);
                xy.getDomainAxis(i).setTickLabelFont(SMALL);
            }
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            if (xy.getRangeAxis(i) != null) {
                xy.getRangeAxis(i).setLabelFont(TEXT);
                xy.getRangeAxis(i).setTickLabelFont(SMALL);
            }
        }
    }

    /** The chart drawn on a white image of {@code width x height} pixels. */
    static BufferedImage render(JFreeChart chart, int width, int height) {
        headless();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }
}
