package org.fld4j.cli.fld;

import java.util.Arrays;
import java.util.Optional;
import org.fld4j.cli.common.Cli;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.SkippedImage;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.io.stream.Fingerprinter;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.io.stream.ShapeAgreement;
import org.fld4j.io.preprocess.Preprocessing;

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
        FingerprintResult read = Fingerprinter.fingerprint(source);
        for (SkippedImage s : read.report().skipped()) {
            Cli.message("skipped " + role + " image: " + s.message());
        }
        if (read.fingerprint().images() == 0) {
            throw new CliException(ExitCode.TOO_FEW_IMAGES, spec + " holds no usable images ("
                    + read.report().skipped().size() + " skipped)");
        }
        return read;
    }

    /**
     * The shape {@code [C, H, W]} the images of {@code source} have: that of the first usable image when the
     * headers agree with it, otherwise the shape most headers give, so that one odd image that sorts first cannot
     * speak for the whole set (reading it then fails or skips it, naming it).
     */
    static long[] agreedShape(ImageSource source, String spec) {
        long[] first = firstShape(source, spec);
        return majorityShape(source).filter(majority -> !Arrays.equals(majority, first)).orElse(first);
    }

    /** The shape {@code [C, H, W]} of the first usable image of {@code source}; reads one image, not the set. */
    private static long[] firstShape(ImageSource source, String spec) {
        try (ImageBatchStream stream = new ImageBatchStream(source, BatchOptions.of(1).withPrefetch(1))) {
            if (!stream.hasNext()) {
                throw new CliException(ExitCode.TOO_FEW_IMAGES, spec + " holds no usable images");
            }
            return Arrays.copyOfRange(stream.next().images().shape(), 1, 4);
        }
    }

    /** The shape most headers of {@code source} give; reads every header, no pixel. */
    private static Optional<long[]> majorityShape(ImageSource source) {
        return ShapeAgreement.of(source, Preprocessing.none()).map(a -> {
            ImageShape s = a.expected().shape();
            return new long[] {s.channels(), s.height(), s.width()};
        });
    }

    /**
     * Checks that the generated images have the shape {@code expected}, that of {@code what} (the real images or a
     * reference flow), naming both shapes when they differ (exit 3). The first image decides when it agrees;
     * otherwise the shape most images have, so that a set is blamed only when most of it differs.
     */
    static void requireShape(ImageSource generated, String spec, long[] expected, String what) {
        long[] shape = firstShape(generated, spec);
        if (Arrays.equals(shape, expected)) {
            return;
        }
        shape = majorityShape(generated).orElse(shape);
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
