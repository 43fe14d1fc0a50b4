package org.fld4j.cli.distort;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.Inputs;
import org.fld4j.cli.common.JsonResults;
import org.fld4j.cli.common.Provenance;
import org.fld4j.cli.output.OutputFolder;
import org.fld4j.cli.output.SourceOverlap;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.distortion.DistortionKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fld distort SRC --kind K --levels a,b,c --out DIR}: seeded distorted copies, one folder per level. */
@Command(name = "distort", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write seeded distorted copies of an image set, one folder per level.",
            "Writes distorted copies of every image of SRC, one folder per level, DIR/<kind>-<level>/,"
                + " as PNG files named like their originals. Image i of every level is distorted with a generator"
                + " drawn from (--seed, i) alone, exactly as the library's DistortedSource reads it.",
            "SRC is never written to: --out may not be SRC, lie inside it or hold it (compared after resolving"
                    + " links). Each file is written to a temporary file and renamed.",
            "Kinds and their levels: blend (alpha), additive-noise (sigma), blur (sigma), salt-and-pepper (rate),"
                    + " occlusion (area fraction), jpeg (quality 1..100, lower is stronger), pixelate (block size).",
            "Exit status: 0 done; 2 a wrong command line, an --out that overlaps SRC, or a non-empty --out"
                    + " without --force; 3 SRC cannot be read or holds a bad image under --on-error fail."},
        footerHeading = "%nExamples:%n",
        footer = {"  fld distort test/ --kind additive-noise --levels 4,16,64 --out noisy/", "  fld distort real-test/ --kind jpeg --levels 90,50,10 --out jpeg/"})
public final class DistortCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC",
            description = "The images: a folder, IDX, NPY, NPZ[:entry] or CIFAR .bin file.")
    String source;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = KindConverter.class,
            description = "blend, additive-noise, blur, salt-and-pepper, occlusion, jpeg or pixelate.")
    DistortionKind kind;

    @Option(names = "--levels", split = ",", paramLabel = "LEVEL",
            description = "Levels of the kind's parameter (default: the kind's five levels from mild to strong,"
                    + " e.g. 4,8,16,32,64 for additive-noise).")
    List<Double> levels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random draw (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Write into a non-empty --out, replacing files of the same names.")
    boolean force;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png",
            description = "File format of the copies; png, lossless (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        if (!format.equalsIgnoreCase("png")) {
            throw new CliException(ExitCode.USAGE, "--format " + format + " is not supported; the copies are written"
                    + " as png, which keeps every sample exactly");
        }
        List<Double> chosen = levels();
        ImageSource images = Inputs.open(source, input);
        SourceOverlap.refuse(sourcePath(source), out);
        OutputFolder.prepare(out, force);
        DistortResult result = DistortedCopies.write(source, images, kind, chosen, seed, out);
        if (json) {
            ObjectNode doc = JsonResults.document("distort", Provenance.builder().seed(seed)
                    .count("listed", result.listed()).count("written", result.written())
                    .count("skipped", result.skipped().size()).option("kind", kind.shortName())
                    .option("levels", chosen).option("format", "png")
                    .option("onError", input.policy().name().toLowerCase(Locale.ROOT)).build());
            DistortJson.fill((ObjectNode) doc.get("result"), result);
            JsonResults.print(doc);
        } else {
            Cli.out().print(DistortText.format(result));
        }
        return ExitCode.OK.status();
    }

    /** The levels asked for, or the kind's defaults; each checked by the library, none repeated. */
    private List<Double> levels() {
        List<Double> chosen = new ArrayList<>();
        if (levels == null || levels.isEmpty()) {
            for (double level : kind.defaultLevels()) {
                chosen.add(level);
            }
        } else {
            chosen.addAll(levels);
        }
        if (new HashSet<>(chosen).size() != chosen.size()) {
            throw new CliException(ExitCode.USAGE, "--levels " + chosen + " repeats a level");
        }
        for (double level : chosen) {
            try {
                Distortion.of(kind, level);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "--levels: " + e.getMessage());
            }
        }
        return chosen;
    }

    /** The file or folder a source spec names ({@code data.npz:entry} names {@code data.npz}). */
    static Path sourcePath(String spec) {
        Path path = Path.of(spec);
        int colon = spec.lastIndexOf(':');
        if (!Files.exists(path) && colon > 0) {
            return Path.of(spec.substring(0, colon));
        }
        return path;
    }

    /** Distortion kinds by short or constant name; the error lists the short names. */
    static final class KindConverter implements CommandLine.ITypeConverter<DistortionKind> {
        @Override
        public DistortionKind convert(String value) {
            try {
                return DistortionKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
