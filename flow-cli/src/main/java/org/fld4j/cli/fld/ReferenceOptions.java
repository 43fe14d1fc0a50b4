package org.fld4j.cli.fld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.published.DownloadedReferences;
import org.fld4j.cli.published.LocalReference;
import org.fld4j.cli.published.ReferenceLocation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command gets its FLD reference ({@code @Mixin}): a saved reference ({@code --ref}), or the real images
 * named on the command line, trained on once with the {@link TrainingOptions} and cached.
 */
public final class ReferenceOptions {

    @Option(names = "--ref", paramLabel = "FILE|URL|builtin:NAME",
            description = "A saved reference instead of the real images: a file (from fld train), an https URL"
                    + " pinned by the file's hash (https://HOST/PATH#sha256=<64 hex>, downloaded once into the cache),"
                    + " or builtin:NAME.")
    String ref;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where trained and downloaded references are cached (default: the fld4j cache folder's"
                    + " references/).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Train the reference without reading or writing the cache.")
    boolean noCache;

    @Mixin
    TrainingOptions training;

    /** The saved reference as given ({@code --ref}), or null when the real images are given. */
    public String ref() {
        return ref;
    }

    /** Where {@code --ref} points; a malformed URL, a URL without its pin or plain http is a usage error. */
    public ReferenceLocation refLocation() {
        try {
            return ReferenceLocation.parse(ref);
        } catch (IllegalArgumentException e) {
            throw Usage.error("--ref " + e.getMessage());
        }
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
        boolean local = refLocation() instanceof LocalReference;
        if (!local && noCache) {
            throw Usage.error("--no-cache: --ref " + ref + " is kept in the reference cache's "
                    + DownloadedReferences.FOLDER + " folder and checked against its hash there; choose the folder"
                    + " with --cache-dir");
        }
        List<String> refused = new ArrayList<>(training.given());
        refused.removeAll(usedWithRef);
        if (cacheDir != null && local) {
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
