package org.fld4j.cli.distort;

import java.nio.file.Path;
import java.util.List;
import org.fld4j.io.SkippedImage;
import org.fld4j.metrics.distortion.DistortionKind;

/**
 * What {@code fld distort} wrote.
 *
 * @param spec        the source as given
 * @param source      the source's description
 * @param out         the output folder
 * @param kind        the distortion
 * @param seed        the seed every image's generator was derived from
 * @param listed      inputs the source listed (skipped ones included)
 * @param levels      per level: its folder and how many images it holds
 * @param skipped     inputs left out under {@code --on-error skip}
 */
public record DistortResult(String spec, String source, Path out, DistortionKind kind, long seed, int listed,
                            List<WrittenLevel> levels, List<SkippedImage> skipped) {

    public DistortResult {
        levels = List.copyOf(levels);
        skipped = List.copyOf(skipped);
    }

    /** Images written over all levels. */
    public long written() {
        return levels.stream().mapToLong(WrittenLevel::written).sum();
    }
}
