package org.fld4j.cli.fld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.Durations;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.published.BuiltinName;
import org.fld4j.cli.published.BuiltinReferences;
import org.fld4j.cli.published.DownloadedReferences;
import org.fld4j.cli.published.LocalReference;
import org.fld4j.cli.published.PinnedUrl;
import org.fld4j.cli.published.ReferenceDownloader;
import org.fld4j.cli.published.ReferenceLocation;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.InvalidLikelihoodException;
import org.fld4j.metrics.fld.RealSetDescription;

/**
 * Gets a command its reference: loads {@code --ref}, or fingerprints the real images and takes the reference
 * trained on them from the cache, training (and caching) it when there is none. Says on stderr which it was.
 */
public final class ReferenceResolver {

    private ReferenceResolver() {
    }

    /**
     * The reference for the real images {@code real}, named {@code realSpec} on the command line and opened with
     * {@code inputs} (the options the generated images are read with too); both null: load {@code --ref}.
     */
    public static ResolvedReference resolve(ReferenceOptions options, String realSpec, ImageSource real,
                                            InputOptions inputs) {
        if (realSpec == null) {
            ReferenceLocation location = options.refLocation();
            Path file = file(location, options.cacheDir());
            Fld fld = load(file);
            if (location instanceof LocalReference) {
                Cli.message("reference: loaded from " + file);
            }
            return new ResolvedReference(fld, ResolvedReference.Origin.LOADED, file, null, null, null);
        }
        FingerprintResult read = ImageSets.fingerprint(real, realSpec, "real");
        FldOptions fldOptions = options.training().fldOptions();
        RealSetDescription realSet = RealSetDescription.none().withPreprocessing(inputs.preprocessing());
        Path folder = options.cacheDir();
        if (folder == null) {
            ReferenceTrainer.Trained trained = ReferenceTrainer.train(real, fldOptions, realSet);
            Cli.message("reference: trained in " + human(trained.run()) + " (not cached: --no-cache)");
            return new ResolvedReference(trained.fld(), ResolvedReference.Origin.TRAINED, null, trained.run(), real,
                    read);
        }
        ReferenceCache cache = new ReferenceCache(folder);
        cache.cleanStaleTempFiles();
        String key = ReferenceCache.key(read.fingerprint(), fldOptions, inputs.preprocessing());
        Optional<Fld> cached = cache.read(key, read.fingerprint(), fldOptions);
        if (cached.isPresent()) {
            Cli.message("reference: from the cache, " + cache.file(key));
            return new ResolvedReference(cached.get(), ResolvedReference.Origin.CACHED, cache.file(key), null, real,
                    read);
        }
        ReferenceTrainer.Trained trained = ReferenceTrainer.train(real, fldOptions, realSet);
        Path file = null;
        try {
            file = cache.write(key, trained.fld());
            Cli.message("reference: trained in " + human(trained.run()) + ", cached as " + file);
        } catch (IOException e) {
            Cli.message("reference: trained in " + human(trained.run()) + "; it could not be cached in " + folder
                    + " (" + e.getMessage() + ")");
        }
        return new ResolvedReference(trained.fld(), ResolvedReference.Origin.TRAINED, file, trained.run(), real, read);
    }

    /**
     * The file a location names: the path itself, or a published reference kept in (or first fetched into) the
     * downloads folder of {@code cacheDir}. A failed download, a file that is not the pinned one, or an unknown
     * built-in name is bad input (exit 3), named.
     */
    public static Path file(ReferenceLocation location, Path cacheDir) {
        if (location instanceof LocalReference local) {
            return local.path();
        }
        DownloadedReferences downloads = new DownloadedReferences(cacheDir);
        try {
            if (location instanceof PinnedUrl url) {
                ReferenceDownloader.Fetched fetched = new ReferenceDownloader().fetch(url, downloads, Cli::message);
                Cli.message("reference: " + url.download() + (fetched.downloaded()
                        ? " downloaded (" + fetched.bytes() + " bytes, sha256 verified) into " + fetched.file()
                        : " from the cache, " + fetched.file() + " (sha256 verified)"));
                return fetched.file();
            }
            if (location instanceof BuiltinName name) {
                Path file = new BuiltinReferences().file(name, downloads, Cli::message);
                Cli.message("reference: " + name.text() + ", " + file);
                return file;
            }
            throw new IllegalStateException("a reference location of an unknown kind: " + location);
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage(), e);
        }
    }

    /** A saved reference; a file that is missing or not a reference is bad input (exit 3), named. */
    public static Fld load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.INPUT, file + (Files.exists(file) ? " is not a file" : " does not exist"));
        }
        try {
            return Fld.load(file);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliException(ExitCode.INPUT, (why.contains(file.toString()) ? why
                    : file + " is not a readable FLD reference: " + why), e);
        }
    }

    /**
     * The failure (exit 3) for a reference whose flow gave impossible log-likelihoods while scoring: it names the
     * reference, since a flow that loaded and then gives NaN has broken parameters. A cached one is removed first,
     * so that the next run trains it again instead of failing the same way.
     */
    public static CliException brokenReference(ResolvedReference r, InvalidLikelihoodException e) {
        String what = switch (r.origin()) {
            case LOADED -> "the reference " + r.file();
            case CACHED -> "the cached reference " + r.file();
            case TRAINED -> "the reference flow trained in this run";
        };
        String advice = switch (r.origin()) {
            case LOADED -> "the file is damaged or was edited; train it again (fld train)";
            case CACHED -> "the cached file was damaged; it is removed, run the command again to train it anew";
            case TRAINED -> "training went wrong without a non-finite loss; try another --seed or more --epochs";
        };
        if (r.origin() == ResolvedReference.Origin.CACHED && r.file() != null) {
            ReferenceCache.discard(r.file(), "gives impossible log-likelihoods");
        }
        return new CliException(ExitCode.INPUT, what + " is broken: " + e.getMessage() + "; " + advice, e);
    }

    private static String human(TrainingRun run) {
        return Durations.human(Duration.ofMillis(Math.round(run.seconds() * 1000)));
    }
}
