package org.fld4j.cli.fld;

import java.util.Objects;

/**
 * The images named on a command line.
 *
 * @param real      the real images, or null when a saved reference stands in for them
 * @param generated the generated images
 */
public record ImageArguments(String real, String generated) {

    public ImageArguments {
        Objects.requireNonNull(generated, "generated");
    }
}
