package org.fld4j.cli.fld;

import java.util.Arrays;
import org.fld4j.cli.Cli;
import org.fld4j.cli.CliException;
import org.fld4j.cli.ExitCode;
import org.fld4j.io.ImageSource;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.io.stream.ImageBatchStream;

/** What the FLD commands check and record about an image set before they use it. */
final class ImageSets {

    private ImageSets() {
    }

    /**
     * Reads the whole set once for its content fingerprint, naming every image it skipped on stderr. Under
     * {@code --on-error fail} the first bad image ends the command (exit 3, naming it).
     *
     * @param role {@code real} or {@code generated}, for messages
     */
    static FingerprintResult fingerprint(ImageSource source, String spec, String role) {
        Cli.message("reading the " + role + " images " + spec + " (" + source.size() + " listed)");
        FingerprintResult read = source.fingerprint();
        for (SkippedImage s : read.report().skipped()) {
            Cli.message("skipped " + role + " image: " + s.message());
        }
        if (read.fingerprint().images() == 0) {
            throw new CliException(ExitCode.TOO_FEW_IMAGES, spec + " holds no usable images ("
                    + read.report().skipped().size() + " skipped)");
        }
        return read;
    }

    /** The shape {@code [C, H, W]} of the first usable image of {@code source}; reads one image, not the set. */
    static long[] firstShape(ImageSource source, String spec) {
        try (ImageBatchStream stream = source.batches(BatchOptions.of(1).withPrefetch(1))) {
            if (!stream.hasNext()) {
                throw new CliException(ExitCode.TOO_FEW_IMAGES, spec + " holds no usable images");
            }
            return Arrays.copyOfRange(stream.next().images().shape(), 1, 4);
        }
    }

    /**
     * Checks that the generated images have the shape {@code expected}, that of {@code what} (the real images or a
     * reference flow), naming both shapes when they differ (exit 3).
     */
    static void requireShape(ImageSource generated, String spec, long[] expected, String what) {
        long[] shape = firstShape(generated, spec);
        if (!Arrays.equals(shape, expected)) {
            throw new CliException(ExitCode.INPUT, spec + " holds images of shape " + describe(shape) + ", but "
                    + what + " " + describe(expected) + "; use --resize HxW and --channels gray|rgb to make them agree");
        }
    }

    /** {@code 1x28x28 (C x H x W)}. */
    static String describe(long[] chw) {
        return chw[0] + "x" + chw[1] + "x" + chw[2] + " (C x H x W)";
    }
}
