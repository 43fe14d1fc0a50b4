package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fld4j.cli.common.Cli;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command gets its FLD reference ({@code @Mixin}): a saved reference ({@code --ref}), or the real images
 * named on the command line, trained on once with the {@link TrainingOptions} and cached.
 */
public final class ReferenceOptions {

    @Option(names = "--ref", paramLabel = "FILE",
            description = "A saved reference (from fld train) instead of the real images.")
    Path ref;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where trained references are cached (default: the fld4j cache folder's references/).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Train the reference without reading or writing the cache.")
    boolean noCache;

    @Mixin
    TrainingOptions training;

    /** The saved reference, or null when the real images are given. */
    public Path ref() {
        return ref;
    }

    public TrainingOptions training() {
        return training;
    }

    /** The cache folder, or null under {@code --no-cache}. */
    public Path cacheDir() {
        if (noCache) {
            return null;
        }
        return cacheDir != null ? cacheDir : Cli.cacheHome().resolve("references");
    }

    /**
     * Splits the positional arguments into the real and the generated images: {@code REAL GEN} without
     * {@code --ref}, {@code GEN} alone with it. With {@code --ref}, training and cache options are refused, except
     * those in {@code usedWithRef} (a command may give an option a second use, e.g. a seed of its own draws).
     */
    public ImageArguments arguments(List<String> images, Set<String> usedWithRef) {
        if (ref == null) {
            if (images.size() != 2) {
                throw Usage.error("name the real and the generated images (REAL GEN), or a saved reference with"
                        + " --ref FILE and the generated images (GEN); got " + images.size() + " image argument"
                        + (images.size() == 1 ? "" : "s"));
            }
            training.fldOptions(); // a bad training option is refused now, before any image is read
            return new ImageArguments(images.get(0), images.get(1));
        }
        if (images.size() != 1) {
            throw Usage.error("give either --ref FILE or the real images, not both: with --ref name only the"
                    + " generated images (got " + String.join(" ", images) + ")");
        }
        List<String> refused = new ArrayList<>(training.given());
        refused.removeAll(usedWithRef);
        if (cacheDir != null) {
            refused.add("--cache-dir");
        }
        if (noCache) {
            refused.add("--no-cache");
        }
        if (!refused.isEmpty()) {
            throw Usage.error(String.join(", ", refused) + (refused.size() == 1 ? " trains" : " train")
                    + " a reference from real images; " + (refused.size() == 1 ? "it has" : "they have")
                    + " no effect with --ref " + ref + ", whose flow is trained already");
        }
        return new ImageArguments(null, images.get(0));
    }
}
