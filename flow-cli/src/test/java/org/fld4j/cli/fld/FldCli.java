package org.fld4j.cli.fld;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.fld4j.cli.Main;

/** Runs {@code fld} in-process and makes small image sets for the FLD command tests. */
final class FldCli {

    /** What one command line did. */
    record Run(int code, String out, String err) {
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FldCli() {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code n} gray {@code size x size} PNGs named {@code img-000.png}, ...: seeded waves of random direction
     * and phase plus Gaussian noise of standard deviation {@code noise}, so sets with different noise differ.
     */
    /**
     * Parses stdout as exactly one JSON document: anything printed before or after it (a progress line, a message)
     * fails the parse.
     */
    static JsonNode json(String stdout) {
        try {
            return STRICT.readTree(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writePngs(Path folder, int n, long seed, double noise, int size) {
        try {
            Files.createDirectories(folder);
            Random random = new Random(seed);
            for (int i = 0; i < n; i++) {
                BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
                double fx = random.nextDouble();
                double fy = random.nextDouble();
                double phase = 2 * Math.PI * random.nextDouble();
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double v = 128 + 90 * Math.sin(fx * x + fy * y + phase) + noise * random.nextGaussian();
                        int gray = (int) Math.max(0, Math.min(255, Math.round(v)));
                        image.getRaster().setSample(x, y, 0, gray);
                    }
                }
                ImageIO.write(image, "png", folder.resolve(String.format(Locale.ROOT, "img-%03d.png", i)).toFile());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder's files into a new folder. */
    static Path copy(Path from, Path to) {
        try (var files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file named like a PNG that is not one. */
    static Path writeCorruptPng(Path file) {
        try {
            Files.writeString(file, "this is not a PNG image", StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
