package org.fld4j.io.preflight;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.SkippedImage;

/**
 * What a source holds, learned from headers without decoding pixels. Immutable; {@link #format()} renders it for a
 * command line.
 *
 * <p>Problems found here (empty files, wrong signatures, unknown formats, oversized headers, unreadable files) are
 * exactly the inputs a read would skip under {@link BadInputPolicy#SKIP} or fail on under FAIL. A file with a damaged
 * body but an intact header (e.g. a truncated PNG) is only found by a read.
 *
 * @param source            the source's description
 * @param policy            the source's bad-input policy
 * @param listed            images the source lists
 * @param formatCounts      images per format, e.g. {@code PNG -> 120}
 * @param sizeCounts        images per size written {@code WxH}, e.g. {@code 32x32 -> 118}
 * @param grayCount         images with one colour channel
 * @param colorCount        images with three colour channels (CMYK and other colour spaces included)
 * @param alphaCount        images with an alpha channel, which will be dropped
 * @param sixteenBitCount   images with 16 bits per sample, which will be rounded to 8
 * @param unknownExtensions listed files whose extension is not an image format's; read by content
 * @param problems          inputs that cannot be used, with why
 * @param ignored           inputs left out on request while listing
 */
public record PreflightSummary(String source, BadInputPolicy policy, int listed, Map<String, Integer> formatCounts,
                               Map<String, Integer> sizeCounts, int grayCount, int colorCount, int alphaCount,
                               int sixteenBitCount, List<String> unknownExtensions, List<SkippedImage> problems,
                               List<String> ignored) {

    /** Validates presence and freezes the collections (maps sorted by key). */
    public PreflightSummary {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(policy, "policy");
        formatCounts = Collections.unmodifiableMap(new TreeMap<>(formatCounts));
        sizeCounts = Collections.unmodifiableMap(new TreeMap<>(sizeCounts));
        unknownExtensions = List.copyOf(unknownExtensions);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
    }

    /** Images whose header could be read. */
    public int usable() {
        return listed - problems.size();
    }

    /** Whether all usable images have one size. */
    public boolean uniformSize() {
        return sizeCounts.size() <= 1;
    }

    /** A multi-line summary for a command line to print. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Pre-flight: ").append(source).append('\n');
        out.append("  listed: ").append(listed).append(", usable: ").append(usable()).append(", problems: ")
                .append(problems.size()).append(" (").append(policy == BadInputPolicy.SKIP ? "would be skipped"
                        : "reading would fail; use BadInputPolicy.SKIP to skip them").append(")\n");
        out.append("  formats:");
        formatCounts.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        out.append('\n');
        out.append("  sizes (WxH):");
        sizeCounts.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
        out.append(uniformSize() ? "" : "  <- mixed sizes: choose SizePolicy.RESIZE or CENTER_CROP").append('\n');
        out.append("  gray: ").append(grayCount).append(", colour: ").append(colorCount).append(", with alpha: ")
                .append(alphaCount).append(", 16-bit: ").append(sixteenBitCount).append('\n');
        if (!unknownExtensions.isEmpty()) {
            out.append("  files without an image extension (read by content): ").append(unknownExtensions.size())
                    .append('\n');
            unknownExtensions.forEach(f -> out.append("    ").append(f).append('\n'));
        }
        if (!problems.isEmpty()) {
            out.append("  problems:\n");
            problems.forEach(p -> out.append("    ").append(p.problem()).append(": ").append(p.message())
                    .append('\n'));
        }
        if (!ignored.isEmpty()) {
            out.append("  ignored on request: ").append(ignored.size()).append('\n');
            ignored.forEach(f -> out.append("    ").append(f).append('\n'));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
