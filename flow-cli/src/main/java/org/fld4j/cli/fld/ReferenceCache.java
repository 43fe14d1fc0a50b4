package org.fld4j.cli.fld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.fld4j.cli.common.Cli;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.stream.SourceFingerprint;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;

/**
 * Trained references kept in a folder, one file per (real set, training options, preprocessing): the file name is
 * the SHA-256 of all three and of {@link #FORMAT_VERSION}. A file read back must still hold a reference for that
 * real set and those options; one that does not (damaged, or written by other code) is reported and replaced.
 */
final class ReferenceCache {

    /** Raised when what goes into the key or into a cached file changes, so old entries are no longer found. */
    static final int FORMAT_VERSION = 1;

    private final Path folder;

    ReferenceCache(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    Path folder() {
        return folder;
    }

    /**
     * The key: the real images' content after preprocessing, every option that changes the trained flow or the
     * held-out log-likelihoods, and the preprocessing itself (two preprocessings that happen to give the same
     * pixels still name different experiments). The bootstrap's resamples and confidence are left out: they only
     * change the interval, which is computed when scoring. The evaluation batch size changes speed, never a score.
     */
    static String key(SourceFingerprint real, FldOptions options, Preprocessing preprocessing) {
        String text = String.join("\n",
                "fld4j reference cache " + FORMAT_VERSION,
                "real " + real,
                "preset " + options.preset().id(),
                "heldOutFraction " + options.heldOutFraction(),
                "seed " + options.seed(),
                "maxEpochs " + options.maxEpochs(),
                "timeBudget " + options.timeBudget(),
                "batchSize " + options.batchSize(),
                "dequantizationSamples " + options.dequantizationSamples(),
                // one flow keeps the key it always had, so caches made before ensembles stay valid
                options.referenceFlows() == 1 ? "" : "referenceFlows " + options.referenceFlows(),
                "channels " + preprocessing.channels(),
                "size " + preprocessing.sizePolicy() + " " + preprocessing.targetHeight() + "x"
                        + preprocessing.targetWidth() + " " + preprocessing.filter());
        return sha256(text);
    }

    /** Where the reference of {@code key} is kept. */
    Path file(String key) {
        return folder.resolve(key + ".fld");
    }

    /**
     * The cached reference of {@code key}, if there is one trained on {@code real} with {@code options}. A file
     * that cannot be read (truncated, not a reference, non-finite parameters, any of the loader's refusals) is reported on
     * stderr and removed, so that it breaks this run alone; one that holds another reference is reported and
     * treated as absent (training replaces it).
     */
    Optional<Fld> read(String key, SourceFingerprint real, FldOptions options) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Fld fld;
        try {
            fld = Fld.load(file);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            discard(file, "cannot be read (" + why.replace('\n', ' ').strip() + ")");
            return Optional.empty();
        }
        String found = fld.reference().realFingerprint();
        if (!found.equals(real.sha256())) {
            Cli.message("cached reference " + file + " was trained on other images (fingerprint " + found
                    + ", the real images are " + real.sha256() + "); training again");
            return Optional.empty();
        }
        if (!sameTraining(fld.options(), options)) {
            Cli.message("cached reference " + file + " was trained with other options (" + fld.options()
                    + "); training again");
            return Optional.empty();
        }
        return Optional.of(fld);
    }

    /**
     * Removes a broken cached reference and says so (the cache holds only what can be trained again); when it
     * cannot be removed, says how to clear it by hand.
     */
    static void discard(Path file, String why) {
        try {
            Files.deleteIfExists(file);
            Cli.message("cached reference " + file + " " + why + "; removed it, training again");
        } catch (IOException e) {
            Cli.message("cached reference " + file + " " + why + " and could not be removed (" + e.getMessage()
                    + "); training again; delete it by hand or run with --no-cache");
        }
    }

    /**
     * Saves a trained reference under {@code key}, atomically ({@link AtomicFiles}): a reader never sees half a
     * file, and what a killed run leaves is recognised and cleaned by the next start ({@link CacheTempFiles}).
     */
    Path write(String key, Fld fld) throws IOException {
        Files.createDirectories(folder);
        Path file = file(key);
        fld.save(file);
        return file;
    }

    /** Removes what killed runs left in the folder (see {@link CacheTempFiles}); never fails a run. */
    void cleanStaleTempFiles() {
        CacheTempFiles.clean(folder);
    }

    private static boolean sameTraining(FldOptions a, FldOptions b) {
        return a.preset() == b.preset() && a.heldOutFraction() == b.heldOutFraction() && a.seed() == b.seed()
                && a.maxEpochs() == b.maxEpochs() && a.timeBudget().toSeconds() == b.timeBudget().toSeconds()
                && a.batchSize() == b.batchSize() && a.dequantizationSamples() == b.dequantizationSamples();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
