package org.fld4j.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gathers what happens during one read of a source and hands out immutable {@link InputReport} snapshots.
 *
 * <p>Thread-safe: the decoding worker of a stream records into it while the consumer takes snapshots.
 */
public final class InputReportCollector {

    private final String source;
    private long imagesRead;
    private final List<SkippedImage> skipped = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final Map<ImageWarning, Long> warningCounts = new EnumMap<>(ImageWarning.class);
    private final Map<ImageWarning, List<String>> warningExamples = new EnumMap<>(ImageWarning.class);

    /** A collector for reading the source described by {@code source}. */
    public InputReportCollector(String source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A collector that starts with everything already in {@code start} (e.g. what listing a folder found). */
    public static InputReportCollector startingFrom(InputReport start) {
        InputReportCollector c = new InputReportCollector(start.source());
        c.imagesRead = start.imagesRead();
        c.skipped.addAll(start.skipped());
        c.ignored.addAll(start.ignored());
        c.warningCounts.putAll(start.warningCounts());
        for (ImageWarning w : ImageWarning.values()) {
            List<String> examples = start.warningExamples(w);
            if (!examples.isEmpty()) {
                c.warningExamples.put(w, new ArrayList<>(examples));
            }
        }
        return c;
    }

    /** Records one image delivered, with its warnings. */
    public synchronized void imageRead(DecodedImage image) {
        imagesRead++;
        for (ImageWarning w : image.warnings()) {
            warningCounts.merge(w, 1L, Long::sum);
            List<String> examples = warningExamples.computeIfAbsent(w, k -> new ArrayList<>());
            if (examples.size() < InputReport.WARNING_EXAMPLES) {
                examples.add(image.id().name());
            }
        }
    }

    /** Records a warning about {@code name} found outside decoding (e.g. while listing a folder). */
    public synchronized void warning(ImageWarning warning, String name) {
        warningCounts.merge(warning, 1L, Long::sum);
        List<String> examples = warningExamples.computeIfAbsent(warning, k -> new ArrayList<>());
        if (examples.size() < InputReport.WARNING_EXAMPLES) {
            examples.add(name);
        }
    }

    /** Records one input left out under {@link BadInputPolicy#SKIP}. */
    public synchronized void skipped(SkippedImage skip) {
        skipped.add(Objects.requireNonNull(skip, "skip"));
    }

    /** Records one input left out on the caller's request. */
    public synchronized void ignored(String line) {
        ignored.add(Objects.requireNonNull(line, "line"));
    }

    /** An immutable copy of everything recorded so far. */
    public synchronized InputReport snapshot() {
        return new InputReport(source, imagesRead, skipped, ignored, warningCounts, warningExamples);
    }
}
