package org.fld4j.cli.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.fld4j.io.UInt8Image;

/**
 * Figure (e): a row of images, each enlarged by pixel repetition (nearest neighbour, so a 28 x 28 image stays
 * sharp and every pixel shows), with its position and bits per dimension written under it.
 */
final class ThumbnailStrip {

    /** Images are enlarged by a whole factor until their longer side reaches at least this many pixels. */
    static final int TARGET_SIDE = 100;
    static final int GAP = 8;
    static final int LABEL_HEIGHT = 32;

    private ThumbnailStrip() {
    }

    /** The whole factor an image of {@code height x width} is enlarged by: 4 for 28 x 28, 1 from 100 pixels up. */
    static int scale(int height, int width) {
        return Math.max(1, (int) Math.ceil((double) TARGET_SIDE / Math.max(height, width)));
    }

    /** The strip; images of different sizes sit top-aligned, each in a cell as wide as the widest. */
    static BufferedImage render(List<Thumbnail> thumbnails) {
        ChartImages.headless();
        int cellWidth = 80;
        int cellHeight = 1;
        for (Thumbnail t : thumbnails) {
            int s = scale(t.image().height(), t.image().width());
            cellWidth = Math.max(cellWidth, t.image().width() * s);
            cellHeight = Math.max(cellHeight, t.image().height() * s);
        }
        int count = Math.max(1, thumbnails.size());
        BufferedImage strip = new BufferedImage(GAP + count * (cellWidth + GAP), GAP + cellHeight + LABEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, strip.getWidth(), strip.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(ChartImages.SMALL);
            g.setColor(Color.DARK_GRAY);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < thumbnails.size(); i++) {
                Thumbnail t = thumbnails.get(i);
                int left = GAP + i * (cellWidth + GAP);
                paint(strip, t.image(), left, GAP, scale(t.image().height(), t.image().width()));
                String index = "#" + t.index();
                String bpd = ReportText.number(t.bitsPerDim(), 3) + " bpd";
                int base = GAP + cellHeight + metrics.getAscent() + 2;
                g.drawString(index, left + (cellWidth - metrics.stringWidth(index)) / 2, base);
                g.drawString(bpd, left + (cellWidth - metrics.stringWidth(bpd)) / 2, base + metrics.getHeight());
            }
        } finally {
            g.dispose();
        }
        return strip;
    }

    /** The image enlarged {@code scale} times at ({@code left}, {@code top}): gray for one channel, else RGB. */
    private static void paint(BufferedImage target, UInt8Image image, int left, int top, int scale) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int rgb = rgb(image, y, x);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        target.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** The pixel as RGB: one channel is gray, three are red, green and blue; otherwise the first three are. */
    static int rgb(UInt8Image image, int y, int x) {
        int r = image.sample(0, y, x);
        if (image.channels() < 3) {
            return r << 16 | r << 8 | r;
        }
        return r << 16 | image.sample(1, y, x) << 8 | image.sample(2, y, x);
    }
}
