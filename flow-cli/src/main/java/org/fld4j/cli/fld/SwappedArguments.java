package org.fld4j.cli.fld;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fld4j.metrics.fld.ScoreWarning;

/**
 * Notices, cheaply and before any training, when {@code fld score REAL GEN} was probably given its sets the wrong
 * way round: the names say so (REAL called {@code gen}, {@code fake}, {@code samples}...; GEN called {@code real}),
 * or the real set is much smaller than a large generated one (a model is usually trained on more images than are
 * generated to judge it). Only a warning: a swap cannot be known, and nothing is refused.
 */
final class SwappedArguments {

    /** The warning's code in results. */
    static final String CODE = "LIKELY_SWAPPED_ARGUMENTS";

    /** Words in a folder or file name that say "generated". */
    static final Set<String> GENERATED_WORDS = Set.of("gen", "generated", "generation", "generations", "fake",
            "fakes", "sample", "samples", "sampled", "synthetic", "synth", "output", "outputs");

    /** Words in a folder or file name that say "real". */
    static final Set<String> REAL_WORDS = Set.of("real", "reals", "train", "training", "dataset", "groundtruth", "gt");

    /**
     * The generated set is called large from this many images: a few hundred generated images against a small
     * real set is a normal quick check, not a sign of a swap.
     */
    static final int LARGE_GENERATED_SET = 1000;

    /** "Much smaller": the real set has at most this share of the generated set's images. */
    static final double SMALLER_SHARE = 0.5;

    private SwappedArguments() {
    }

    /**
     * The warning, if {@code real} ({@code realCount} images) and {@code generated} ({@code generatedCount})
     * look swapped.
     */
    static Optional<ScoreWarning> check(String real, long realCount, String generated, long generatedCount) {
        Set<String> realWords = words(real);
        Set<String> generatedWords = words(generated);
        boolean realLooksGenerated = hasAny(realWords, GENERATED_WORDS) && !hasAny(realWords, REAL_WORDS);
        boolean generatedLooksReal = hasAny(generatedWords, REAL_WORDS) && !hasAny(generatedWords, GENERATED_WORDS);
        if (realLooksGenerated || generatedLooksReal) {
            String why = realLooksGenerated ? "REAL " + real + " is named like generated images"
                    : "GEN " + generated + " is named like real images";
            return Optional.of(new ScoreWarning(CODE, why + ": the arguments may be swapped; fld score takes REAL"
                    + " first, then GEN"));
        }
        boolean namesAgree = hasAny(realWords, REAL_WORDS) && hasAny(generatedWords, GENERATED_WORDS);
        if (!namesAgree && generatedCount >= LARGE_GENERATED_SET && realCount <= SMALLER_SHARE * generatedCount) {
            return Optional.of(new ScoreWarning(CODE, String.format(Locale.ROOT, "REAL %s holds %d images, GEN %s"
                    + " holds %d: real sets are usually the larger; the arguments may be swapped (fld score takes"
                    + " REAL first, then GEN)", real, realCount, generated, generatedCount)));
        }
        return Optional.empty();
    }

    /** The lower-case words of a path's last two names, split at anything but letters and digits. */
    static Set<String> words(String spec) {
        Path path;
        try {
            path = Path.of(spec).normalize();
        } catch (InvalidPathException e) {
            return Set.of();
        }
        StringBuilder text = new StringBuilder();
        int names = path.getNameCount();
        for (int i = Math.max(0, names - 2); i < names; i++) {
            text.append(' ').append(path.getName(i));
        }
        return Arrays.stream(text.toString().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    private static boolean hasAny(Set<String> words, Set<String> wanted) {
        return words.stream().anyMatch(wanted::contains);
    }
}
