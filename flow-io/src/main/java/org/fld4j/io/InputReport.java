package org.fld4j.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened while a source was read: how many images were used, every input that was skipped and why, what
 * was left out on request, and which conversions were applied. Immutable; a result computed from a source should
 * carry the report of the read that produced it.
 *
 * <p>Skipped inputs are all kept. Warnings are kept as a count per kind plus the first
 * {@value #WARNING_EXAMPLES} image names, so a million images with alpha do not cost a million entries.
 */
public final class InputReport implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** How many example image names are kept per warning kind. */
    public static final int WARNING_EXAMPLES = 10;

    private final String source;
    private final long imagesRead;
    private final List<SkippedImage> skipped;
    private final List<String> ignored;
    private final Map<ImageWarning, Long> warningCounts;
    private final Map<ImageWarning, List<String>> warningExamples;

    /**
     * @param source          a description of the source
     * @param imagesRead      images delivered so far
     * @param skipped         inputs left out under {@link BadInputPolicy#SKIP}
     * @param ignored         inputs left out because the caller asked (hidden files, non-image files), with why
     * @param warningCounts   how many images had each warning
     * @param warningExamples the first few image names per warning
     */
    public InputReport(String source, long imagesRead, List<SkippedImage> skipped, List<String> ignored,
                       Map<ImageWarning, Long> warningCounts, Map<ImageWarning, List<String>> warningExamples) {
        this.source = Objects.requireNonNull(source, "source");
        if (imagesRead < 0) {
            throw new IllegalArgumentException("imagesRead must be >= 0: " + imagesRead);
        }
        this.imagesRead = imagesRead;
        this.skipped = List.copyOf(skipped);
        this.ignored = List.copyOf(ignored);
        this.warningCounts = Collections.unmodifiableMap(copyCounts(warningCounts));
        EnumMap<ImageWarning, List<String>> examples = new EnumMap<>(ImageWarning.class);
        warningExamples.forEach((k, v) -> examples.put(k, List.copyOf(v)));
        this.warningExamples = Collections.unmodifiableMap(examples);
    }

    private static EnumMap<ImageWarning, Long> copyCounts(Map<ImageWarning, Long> counts) {
        EnumMap<ImageWarning, Long> copy = new EnumMap<>(ImageWarning.class);
        copy.putAll(counts);
        return copy;
    }

    /** A report about a source from which nothing has been read and nothing has gone wrong. */
    public static InputReport empty(String source) {
        return new InputReport(source, 0, List.of(), List.of(), Map.of(), Map.of());
    }

    public String source() {
        return source;
    }

    /** Images delivered to the caller. */
    public long imagesRead() {
        return imagesRead;
    }

    /** Every input left out under {@link BadInputPolicy#SKIP}, in the order met. */
    public List<SkippedImage> skipped() {
        return skipped;
    }

    /** Inputs left out because the caller asked for it (e.g. hidden or non-image files), one line each. */
    public List<String> ignored() {
        return ignored;
    }

    /** How many images had each kind of warning; kinds that never occurred are absent. */
    public Map<ImageWarning, Long> warningCounts() {
        return warningCounts;
    }

    /** How many images had {@code warning}. */
    public long warningCount(ImageWarning warning) {
        return warningCounts.getOrDefault(warning, 0L);
    }

    /** Up to {@value #WARNING_EXAMPLES} names of images that had {@code warning}. */
    public List<String> warningExamples(ImageWarning warning) {
        return warningExamples.getOrDefault(warning, List.of());
    }

    /**
     * The report of a source read in parts, this part and then {@code other} (e.g. the partitions of a distributed
     * read): images read added, skipped and ignored inputs joined in that order, warning counts added and their
     * examples joined up to {@value #WARNING_EXAMPLES} a kind. Keeps this report's source description.
     */
    public InputReport merge(InputReport other) {
        List<SkippedImage> allSkipped = new ArrayList<>(skipped);
        allSkipped.addAll(other.skipped);
        List<String> allIgnored = new ArrayList<>(ignored);
        allIgnored.addAll(other.ignored);
        EnumMap<ImageWarning, Long> counts = copyCounts(warningCounts);
        other.warningCounts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        EnumMap<ImageWarning, List<String>> examples = new EnumMap<>(ImageWarning.class);
        warningExamples.forEach((k, v) -> examples.put(k, new ArrayList<>(v)));
        other.warningExamples.forEach((k, v) -> {
            List<String> joined = examples.computeIfAbsent(k, x -> new ArrayList<>());
            for (String name : v) {
                if (joined.size() < WARNING_EXAMPLES) {
                    joined.add(name);
                }
            }
        });
        return new InputReport(source, imagesRead + other.imagesRead, allSkipped, allIgnored, counts, examples);
    }

    /** Whether every listed input was used without being skipped. Ignored inputs and warnings do not count. */
    public boolean isComplete() {
        return skipped.isEmpty();
    }

    /** A multi-line, human-readable account, for a command line to print. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Input: ").append(source).append('\n');
        out.append("  images read: ").append(imagesRead).append('\n');
        out.append("  skipped: ").append(skipped.size()).append('\n');
        for (SkippedImage s : skipped) {
            out.append("    ").append(s.problem()).append(": ").append(s.message()).append('\n');
        }
        if (!ignored.isEmpty()) {
            out.append("  ignored on request: ").append(ignored.size()).append('\n');
            for (String line : ignored) {
                out.append("    ").append(line).append('\n');
            }
        }
        for (Map.Entry<ImageWarning, Long> e : warningCounts.entrySet()) {
            List<String> examples = new ArrayList<>(warningExamples(e.getKey()));
            out.append("  warning: ").append(e.getKey().description()).append(" in ").append(e.getValue())
                    .append(" image(s), e.g. ").append(String.join(", ", examples)).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
