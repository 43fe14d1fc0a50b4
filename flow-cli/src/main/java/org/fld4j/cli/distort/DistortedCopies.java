package org.fld4j.cli.distort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.Progress;
import org.fld4j.cli.output.SourceOverlap;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageSource;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.preflight.PreflightScanner;
import org.fld4j.io.preflight.PreflightSummary;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;

/**
 * Writes the distorted copies: every image of the source once per level, as PNG, each file atomically. Each image
 * is decoded once and distorted at every level with the generator that {@link
 * org.fld4j.metrics.distortion.DistortedSource} gives it, so a written file holds exactly what the library's
 * distorted source reads for that image.
 */
public final class DistortedCopies {

    private DistortedCopies() {
    }

    /**
     * Writes {@code source} distorted by {@code kind} at each of {@code levels} under {@code out} (already checked
     * not to overlap the source and prepared), image i of every level from {@code (seed, i)}.
     *
     * @param spec the source as given, for messages
     */
    public static DistortResult write(String spec, ImageSource source, DistortionKind kind, List<Double> levels,
                                      long seed, Path out) {
        List<String> names = OutputNames.of(source);
        List<SkippedImage> skipped = new ArrayList<>(source.listingReport().skipped());
        if (source.badInputPolicy() == BadInputPolicy.FAIL) {
            refuseKnownProblems(spec, PreflightScanner.scan(source));
        }
        List<LevelFolder> folders = new ArrayList<>();
        for (double level : levels) {
            folders.add(LevelFolder.of(level, Distortion.of(kind, level).applyTo(source, seed), out));
        }
        Set<Path> inputs = inputFiles(source);
        int[] written = new int[folders.size()];
        try (Progress bar = Progress.count("distort", (long) source.size() * folders.size(), "images")) {
            for (int i = 0; i < source.size(); i++) {
                UInt8Image image;
                try {
                    image = source.read(i).image();
                } catch (ImageInputException e) {
                    if (source.badInputPolicy() == BadInputPolicy.FAIL) {
                        throw stopped(e, written, out);
                    }
                    skipped.add(SkippedImage.of(e));
                    bar.step(folders.size());
                    continue;
                }
                for (int l = 0; l < folders.size(); l++) {
                    LevelFolder folder = folders.get(l);
                    UInt8Image distorted = folder.distortion().apply(image, folder.images().randomFor(i));
                    writePng(folder.folder().resolve(names.get(i)), distorted, inputs);
                    written[l]++;
                    bar.step(1);
                }
            }
        }
        List<WrittenLevel> results = new ArrayList<>();
        for (int l = 0; l < folders.size(); l++) {
            LevelFolder f = folders.get(l);
            results.add(new WrittenLevel(f.level(), f.distortion().description(),
                    f.folder().getFileName().toString(), written[l]));
        }
        return new DistortResult(spec, source.description(), out, kind, seed,
                source.size() + source.listingReport().skipped().size(), results, skipped);
    }

    /** Under {@code --on-error fail}, stops before writing anything when the headers already show a bad input. */
    private static void refuseKnownProblems(String spec, PreflightSummary preflight) {
        if (!preflight.problems().isEmpty()) {
            SkippedImage first = preflight.problems().get(0);
            throw new CliException(ExitCode.INPUT, first.message() + (preflight.problems().size() > 1
                    ? " (and " + (preflight.problems().size() - 1) + " more input(s) of " + spec
                    + " that cannot be used; 'fld preflight' lists them)" : "")
                    + "; nothing was written; --on-error skip leaves bad inputs out");
        }
    }

    /** The failure for a bad image under {@code --on-error fail}, saying what was written before it. */
    private static CliException stopped(ImageInputException e, int[] written, Path out) {
        long done = 0;
        for (int w : written) {
            done += w;
        }
        return new CliException(ExitCode.INPUT, e.getMessage() + " (stopped after writing " + done
                + " complete image(s) under " + out + "; --on-error skip leaves bad inputs out)", e);
    }

    /** The real paths of the source's files, so that no output can replace one, even through a link. */
    private static Set<Path> inputFiles(ImageSource source) {
        Set<Path> files = new HashSet<>();
        for (int i = 0; i < source.size(); i++) {
            source.file(i).ifPresent(f -> files.add(SourceOverlap.real(f)));
        }
        return files;
    }

    private static void writePng(Path target, UInt8Image image, Set<Path> inputs) {
        try {
            Files.createDirectories(target.getParent());
            if (inputs.contains(SourceOverlap.real(target))) {
                throw new CliException(ExitCode.USAGE, target + " is an input file (through a link); nothing is"
                        + " written over an input");
            }
            AtomicFiles.write(target, PngImages.encode(image));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
