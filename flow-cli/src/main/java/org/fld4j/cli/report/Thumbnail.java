package org.fld4j.cli.report;

import java.util.Objects;
import org.fld4j.io.UInt8Image;

/**
 * One generated image shown in a report with its score.
 *
 * @param index      position of the image among the scored images ({@link org.fld4j.metrics.fld.ImageScore#index()})
 * @param name       its name as its source gives it
 * @param bitsPerDim its bits per dimension under the reference flow
 * @param image      the image as it was scored
 */
public record Thumbnail(int index, String name, double bitsPerDim, UInt8Image image) {

    public Thumbnail {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
    }
}
