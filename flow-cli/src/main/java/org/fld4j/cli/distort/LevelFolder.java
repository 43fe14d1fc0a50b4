package org.fld4j.cli.distort;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.fld4j.metrics.distortion.DistortedSource;
import org.fld4j.metrics.distortion.Distortion;

/**
 * One distortion level and the folder its copies go into, {@code <kind>-<level>} (e.g. {@code additive-noise-8},
 * {@code blend-0.05}).
 *
 * @param level  the level as given
 * @param images the source seen through the level's distortion: image i is distorted with its generator for i
 * @param folder the level's folder under the output folder
 */
record LevelFolder(double level, DistortedSource images, Path folder) {

    /** The level folder for {@code images} under {@code out}. */
    static LevelFolder of(double level, DistortedSource images, Path out) {
        return new LevelFolder(level, images, out.resolve(name(images.distortion(), level)));
    }

    /** The folder name: the kind's short name, a dash, and the level as {@link #text} writes it. */
    static String name(Distortion distortion, double level) {
        return distortion.kind().shortName() + "-" + text(level);
    }

    /** A level without trailing zeros or exponent: {@code 8}, {@code 0.05}, {@code 32.5}. */
    static String text(double level) {
        return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
    }

    /** The distortion applied. */
    Distortion distortion() {
        return images.distortion();
    }
}
