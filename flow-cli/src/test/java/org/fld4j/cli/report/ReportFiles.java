package org.fld4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Checks that a report folder is complete and self-contained; shared by the report and demo tests. */
public final class ReportFiles {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);

    private ReportFiles() {
    }

    /**
     * Asserts that {@code dir} holds an {@code index.html} that links only files present in the folder (no address,
     * no path out of it, no script), that every PNG in it decodes to an image of a sane size with more than one
     * colour, and that no text file holds NaN or Infinity. Returns the files the page links.
     */
    public static List<String> assertValid(Path dir) {
        try {
            Path page = dir.resolve("index.html");
            assertThat(page).isRegularFile();
            String html = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                    .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import")
                    .doesNotContainIgnoringCase("<link");
            List<String> linked = new ArrayList<>();
            Matcher m = REFERENCE.matcher(html);
            while (m.find()) {
                String target = m.group(1);
                assertThat(target).as("a link of the page").matches("[A-Za-z0-9][A-Za-z0-9._-]*");
                assertThat(dir.resolve(target)).as("linked file %s", target).isRegularFile();
                linked.add(target);
            }
            Set<String> pngs = new HashSet<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    assertThat(name).as("no temporary file is left").doesNotEndWith(".tmp");
                    if (name.endsWith(".png")) {
                        pngs.add(name);
                        assertPicture(file);
                    } else if (name.endsWith(".html") || name.endsWith(".json")) {
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        assertThat(text).as(name).doesNotContain("NaN").doesNotContain("Infinity");
                    }
                }
            }
            assertThat(linked).as("every figure is on the page").containsAll(pngs);
            return linked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertPicture(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes", file).isNotNull();
        assertThat(image.getWidth()).as("%s width", file).isBetween(200, 4000);
        assertThat(image.getHeight()).as("%s height", file).isBetween(60, 4000);
        int first = image.getRGB(0, 0);
        boolean varied = false;
        for (int y = 0; y < image.getHeight() && !varied; y += 3) {
            for (int x = 0; x < image.getWidth() && !varied; x += 3) {
                varied = image.getRGB(x, y) != first;
            }
        }
        assertThat(varied).as("%s is not blank", file).isTrue();
    }
}
