package org.fld4j.benchmarks.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes a folder of small RGB PNGs whose content compresses like photographs rather than like noise or flat
 * colour: each image is a smooth two-dimensional gradient with its own seeded direction and colours, plus a little
 * seeded per-pixel noise. Pure noise would make every file incompressible and flat colour would make it trivial;
 * both would misstate the inflate cost of a real folder.
 */
public final class SyntheticPngFolder {

    private SyntheticPngFolder() {
    }

    /**
     * Creates a new temporary folder holding {@code count} PNGs of {@code size} x {@code size} pixels, named
     * {@code img-000000.png}, ..., so the folder lists in index order.
     */
    public static Path create(int count, int size, long seed) {
        try {
            Path folder = Files.createTempDirectory("fld4j-png-bench-");
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < count; i++) {
                BufferedImage image = render(size, random.split());
                Path file = folder.resolve(String.format("img-%06d.png", i));
                if (!ImageIO.write(image, "png", file.toFile())) {
                    throw new IllegalStateException("no PNG writer installed");
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PNG folder", e);
        }
    }

    private static BufferedImage render(int size, SplittableRandom random) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        double angle = random.nextDouble(2 * Math.PI);
        double dx = Math.cos(angle) / size;
        double dy = Math.sin(angle) / size;
        int[] from = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        int[] to = {random.nextInt(256), random.nextInt(256), random.nextInt(256)};
        int noise = 4 + random.nextInt(12);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // t runs from about 0 to 1 along the gradient's direction.
                double t = Math.min(1, Math.max(0, 0.5 + (x - size / 2.0) * dx + (y - size / 2.0) * dy));
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    int v = (int) Math.round(from[c] + t * (to[c] - from[c])) + random.nextInt(2 * noise + 1) - noise;
                    rgb = (rgb << 8) | Math.min(255, Math.max(0, v));
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Deletes {@code folder} and everything in it; quietly does nothing when it is already gone. */
    public static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
