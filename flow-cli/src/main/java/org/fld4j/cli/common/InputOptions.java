package org.fld4j.cli.common;

import java.util.Locale;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;
import org.fld4j.io.ValueRange;
import org.fld4j.io.array.ArrayLayout;
import org.fld4j.io.decode.DecodeOptions;
import org.fld4j.io.preprocess.ChannelMode;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.io.preprocess.SizePolicy;
import org.fld4j.io.source.LinkPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How image inputs are read, shared by every command that reads images ({@code @Mixin}). Applies to every image
 * set on the command line alike, so real and generated images are always treated the same way.
 */
public final class InputOptions {

    /** How a bad image is handled. */
    public enum OnError {
        /** Stop at the first unusable image, naming it (exit 3). */
        fail,
        /** Leave it out, count it, and name it on stderr and in the result. */
        skip
    }

    @Option(names = "--on-error", defaultValue = "fail", paramLabel = "fail|skip",
            description = "What an unreadable or corrupt image does: fail (exit 3, naming the file) or skip"
                    + " (left out, counted and listed; default ${DEFAULT-VALUE}).")
    OnError onError = OnError.fail;

    @Option(names = "--resize", paramLabel = "HxW", converter = SizeConverter.class,
            description = "Resize every image to H x W pixels before use (e.g. 32x32).")
    Size resize;

    @Option(names = "--crop", paramLabel = "HxW", converter = SizeConverter.class,
            description = "Cut H x W pixels out of the middle of every image instead of resizing.")
    Size crop;

    @Option(names = "--filter", defaultValue = "lanczos3", paramLabel = "box|triangle|bicubic|lanczos3",
            converter = FilterConverter.class,
            description = "Resampling filter for --resize (default ${DEFAULT-VALUE}); the result equals Pillow's"
                    + " Image.resize with BOX, BILINEAR, BICUBIC or LANCZOS, names also accepted here.")
    ResizeFilter filter = ResizeFilter.LANCZOS3;

    @Option(names = "--channels", defaultValue = "keep", paramLabel = "keep|gray|rgb", converter = ChannelConverter.class,
            description = "Convert every image to gray or RGB (default ${DEFAULT-VALUE}: all images must then agree).")
    ChannelMode channels = ChannelMode.KEEP;

    @Option(names = "--recursive", description = "Read image folders recursively.")
    boolean recursive;

    @Option(names = "--layout", paramLabel = "nchw|nhwc|nhw", converter = LayoutConverter.class,
            description = "Axis order of NPY/NPZ arrays (required for them).")
    ArrayLayout layout;

    @Option(names = "--range", paramLabel = "uint8|unit|signed", converter = RangeConverter.class,
            description = "Value range of float NPY/NPZ arrays: uint8 (0..255), unit (0..1) or signed (-1..1).")
    ValueRange range;

    @Option(names = "--max-pixels", paramLabel = "N", converter = PositiveLongConverter.class,
            description = "Largest image accepted, in pixels (width x height), checked from the header before"
                    + " decoding (default 16777216 = 16 Mi pixels).")
    long maxPixels = DecodeOptions.DEFAULT_MAX_PIXELS;

    @Option(names = "--max-decoded-mb", paramLabel = "MB", converter = PositiveLongConverter.class,
            description = "Largest decoded image accepted, in MiB (width x height x bytes per pixel of the file's"
                    + " samples), checked from the header before decoding (default 256).")
    long maxDecodedMiB = DecodeOptions.DEFAULT_MAX_DECODED_BYTES >> 20;

    @Option(names = "--links", defaultValue = "follow", paramLabel = "follow|inside|ignore",
            converter = LinkPolicyConverter.class,
            description = "Symbolic links to files in image folders: follow (default; links that lead outside the"
                    + " folder are listed in the input report), inside (refuse links that lead outside the folder)"
                    + " or ignore (leave every link out).")
    LinkPolicy links = LinkPolicy.FOLLOW;

    /**
     * The same options with {@code --on-error skip}, for commands that list every bad input instead of stopping at
     * the first (a pre-flight check).
     */
    public InputOptions skippingBadInput() {
        InputOptions copy = new InputOptions();
        copy.onError = OnError.skip;
        copy.resize = resize;
        copy.crop = crop;
        copy.filter = filter;
        copy.channels = channels;
        copy.recursive = recursive;
        copy.layout = layout;
        copy.range = range;
        copy.maxPixels = maxPixels;
        copy.maxDecodedMiB = maxDecodedMiB;
        copy.links = links;
        return copy;
    }

    /** The decoding limits the options ask for. */
    public DecodeOptions decodeOptions() {
        if (maxDecodedMiB > Long.MAX_VALUE >> 20) {
            throw new CliException(ExitCode.USAGE, "--max-decoded-mb " + maxDecodedMiB + " is too large");
        }
        return new DecodeOptions(maxPixels, maxDecodedMiB << 20);
    }

    /**
     * {@code e}'s message with the command-line option that fixes it, for problems an option fixes: a mix of
     * sizes ({@code --resize} / {@code --crop}), of channel counts ({@code --channels}), an image over the size
     * limits ({@code --max-pixels} / {@code --max-decoded-mb}). The library's message says the fix in plain words;
     * this names the option.
     */
    public static String withOptionHint(ImageInputException e) {
        return withOptionHint(e.problem(), e.getMessage());
    }

    /** As {@link #withOptionHint(ImageInputException)}, for a problem and message already recorded (a skip). */
    public static String withOptionHint(InputProblem problem, String message) {
        String hint = switch (problem) {
            case SIZE_MISMATCH -> "--resize HxW or --crop HxW";
            case CHANNEL_MISMATCH -> "--channels gray|rgb";
            case TOO_LARGE -> message.contains("maxPixels") ? "--max-pixels N"
                    : message.contains("maxDecodedBytes") ? "--max-decoded-mb MB" : null;
            case LINK_OUTSIDE_FOLDER -> "--links follow";
            default -> null;
        };
        return hint == null ? message : message + " (option: " + hint + ")";
    }

    /** The policy for bad images. */
    public BadInputPolicy policy() {
        return onError == OnError.skip ? BadInputPolicy.SKIP : BadInputPolicy.FAIL;
    }

    /** The preprocessing the options ask for. */
    public Preprocessing preprocessing() {
        if (resize != null && crop != null) {
            throw new CliException(ExitCode.USAGE, "--resize and --crop exclude each other");
        }
        Preprocessing p;
        if (resize != null) {
            p = Preprocessing.resizeTo(resize.height(), resize.width(), filter);
        } else if (crop != null) {
            p = Preprocessing.centerCrop(crop.height(), crop.width());
        } else {
            p = new Preprocessing(ChannelMode.KEEP, SizePolicy.REQUIRE_SAME, 0, 0, ResizeFilter.TRIANGLE);
        }
        return p.withChannels(channels);
    }

    /**
     * An image size {@code H x W} given on the command line. A record, not an {@code int[]}: picocli takes an array
     * field for an option that repeats and converts each element on its own.
     */
    record Size(int height, int width) {
    }

    /** E.g. {@code 32x32} to {@code Size(32, 32)}. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            String[] parts = value.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    int h = Integer.parseInt(parts[0].strip());
                    int w = Integer.parseInt(parts[1].strip());
                    if (h >= 1 && w >= 1) {
                        return new Size(h, w);
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size HxW of positive integers"
                    + " (e.g. 32x32)");
        }
    }

    /** Takes fld4j's filter names and Pillow's ({@code bilinear}, {@code lanczos}) for the same filters. */
    static final class FilterConverter extends EnumConverter<ResizeFilter> {
        FilterConverter() {
            super(ResizeFilter.class, "filter");
        }

        @Override
        public ResizeFilter convert(String value) {
            return ResizeFilter.byPillowName(value).orElseGet(() -> super.convert(value));
        }
    }

    static final class ChannelConverter extends EnumConverter<ChannelMode> {
        ChannelConverter() {
            super(ChannelMode.class, "channel mode");
        }
    }

    static final class LayoutConverter extends EnumConverter<ArrayLayout> {
        LayoutConverter() {
            super(ArrayLayout.class, "layout");
        }
    }

    static final class LinkPolicyConverter extends EnumConverter<LinkPolicy> {
        LinkPolicyConverter() {
            super(LinkPolicy.class, "link policy");
        }
    }

    /** A whole number of at least 1. */
    static final class PositiveLongConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number of at least 1");
        }
    }

    static final class RangeConverter extends EnumConverter<ValueRange> {
        RangeConverter() {
            super(ValueRange.class, "value range");
        }
    }
}
