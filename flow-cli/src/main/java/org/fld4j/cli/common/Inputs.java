package org.fld4j.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fld4j.io.ImageSource;
import org.fld4j.io.array.ArraySourceBuilder;
import org.fld4j.io.array.CifarVariant;
import org.fld4j.io.array.NpzArchive;
import org.fld4j.io.source.ImageSources;

/**
 * Opens what a user names on the command line as images: a folder of image files, an IDX file
 * ({@code *-ubyte[.gz]}, {@code *.idx*}), an NPY file, an NPZ file ({@code data.npz} with one array, or
 * {@code data.npz:entry}), or a CIFAR binary batch ({@code *.bin}; CIFAR-100 when the name says so); then
 * applies the {@link InputOptions}.
 */
public final class Inputs {

    private Inputs() {
    }

    /** The images at {@code spec}, read and preprocessed as {@code options} say. */
    public static ImageSource open(String spec, InputOptions options) {
        return ImageSources.preprocessed(raw(spec, options), options.preprocessing());
    }

    /** The images at {@code spec} as stored, under the options' bad-input policy, without preprocessing. */
    private static ImageSource raw(String spec, InputOptions options) {
        Path path = Path.of(spec);
        String entry = null;
        if (!Files.exists(path)) {
            int colon = spec.lastIndexOf(':');
            if (colon > 0 && spec.substring(0, colon).toLowerCase(Locale.ROOT).endsWith(".npz")) {
                path = Path.of(spec.substring(0, colon));
                entry = spec.substring(colon + 1);
            }
        }
        if (!Files.exists(path)) {
            throw new CliException(ExitCode.INPUT, spec + " does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new CliException(ExitCode.INPUT, spec + " is not readable");
        }
        if (Files.isDirectory(path)) {
            return ImageSources.folder(path).recursive(options.recursive).links(options.links)
                    .decodeOptions(options.decodeOptions()).badInput(options.policy()).build();
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("-ubyte") || name.contains(".idx")) {
            return ImageSources.idx(path).badInput(options.policy()).build();
        }
        if (name.endsWith(".npy")) {
            return array(ImageSources.npy(path), options, spec);
        }
        if (name.endsWith(".npz")) {
            if (entry == null) {
                List<String> arrays = NpzArchive.entries(path);
                if (arrays.size() != 1) {
                    throw new CliException(ExitCode.USAGE, spec + " holds " + arrays.size() + " arrays " + arrays
                            + "; name one as " + spec + ":NAME");
                }
                entry = arrays.get(0);
            }
            return array(ImageSources.npz(path, entry), options, spec);
        }
        if (name.endsWith(".bin")) {
            CifarVariant variant = name.contains("100") || name.equals("train.bin") || name.equals("test.bin")
                    ? CifarVariant.CIFAR100 : CifarVariant.CIFAR10;
            return ImageSources.cifar(variant, List.of(path)).badInput(options.policy()).build();
        }
        throw new CliException(ExitCode.INPUT, spec + " is not a folder, IDX, NPY, NPZ or CIFAR .bin file");
    }

    private static ImageSource array(ArraySourceBuilder builder, InputOptions options, String spec) {
        if (options.layout == null) {
            throw new CliException(ExitCode.USAGE, spec + ": name the array's axis order with --layout nchw|nhwc|nhw");
        }
        builder.layout(options.layout).badInput(options.policy());
        if (options.range != null) {
            builder.range(options.range);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // The builder refuses options that do not fit the data (a float array without a range, a range or
            // layout the data cannot have): a usage error, named with the option that fixes it.
            String fix = options.range == null && e.getMessage().contains("range")
                    ? "; give --range uint8|unit|signed" : "";
            throw new CliException(ExitCode.USAGE, spec + ": " + e.getMessage() + fix, e);
        }
    }
}
