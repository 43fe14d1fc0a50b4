package org.fld4j.io.decode;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.IndexColorModel;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageWarning;
import org.fld4j.io.InputProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one image file, or just its header, through {@code javax.imageio} (with the TwelveMonkeys plugins on the
 * class path for robust JPEG, WebP, PNM, TIFF and BMP).
 *
 * <p>Every way a file can be bad ends in an {@link ImageInputException} that names the file: a missing or unreadable
 * file, zero bytes, content that no format recognises, an extension that promises a format the content does not
 * start with, a header declaring more pixels than {@link DecodeOptions#maxPixels()} or a larger decoded raster than
 * {@link DecodeOptions#maxDecodedBytes()} (both refused before decoding), an image that does not fit the memory
 * left (reported as {@link InputProblem#TOO_LARGE}, never as an {@code OutOfMemoryError}), a
 * truncated or otherwise damaged file. The file is opened read-only and never changed.
 *
 * <p>Only the first frame of multi-frame files (animated GIF, multi-page TIFF) is read.
 */
public final class ImageFileDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFileDecoder.class);

    /** Counted when a reader cannot describe its raster before decoding: 16-bit RGBA, the largest common layout. */
    private static final long UNKNOWN_BITS_PER_PIXEL = 64;

    static {
        // Plugins that arrive on the class path after ImageIO first initialised (e.g. in a plugin-style host)
        // would otherwise stay invisible.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private final DecodeOptions options;

    /** A decoder that applies {@code options}. */
    public ImageFileDecoder(DecodeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The limits this decoder applies. */
    public DecodeOptions options() {
        return options;
    }

    /**
     * Decodes {@code file} into 8-bit samples (see {@link BufferedImageConverter} for the conversion rules).
     *
     * @param file the file
     * @param id   the identity to give the image (also the name used in messages)
     * @throws ImageInputException if the file cannot be used
     */
    public DecodedImage decode(Path file, ImageId id) {
        return withReader(new FileInput(file), id, this::readImage);
    }

    /**
     * Decodes a file's content already in memory (e.g. a row of a distributed file listing) exactly as
     * {@link #decode(Path, ImageId)} decodes the file: the same format checks, limits, conversions and messages.
     *
     * @param content  the file's bytes
     * @param fileName the file's name or path (only its last part is used, for the extension check)
     * @param id       the identity to give the image (also the name used in messages)
     * @throws ImageInputException if the content cannot be used
     */
    public DecodedImage decode(byte[] content, String fileName, ImageId id) {
        return withReader(new MemoryInput(content, fileName), id, this::readImage);
    }

    private DecodedImage readImage(ImageReader reader, ImageFormat format, EnumSet<ImageWarning> warnings, ImageId id)
            throws IOException {
        {
            checkPixelLimit(reader, id);
            List<String> readerWarnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, message) -> readerWarnings.add(message));
            BufferedImage image = reader.read(0);
            for (String message : readerWarnings) {
                String lower = message.toLowerCase(Locale.ROOT);
                // A cut-off JPEG decodes "successfully" with the missing part filled in grey; only the warning
                // tells that the data ended early, so it must be treated as the error it is.
                if (lower.contains("premature end") || lower.contains("truncat")) {
                    throw new ImageInputException(id.name(), InputProblem.TRUNCATED,
                            format + " data ends early (" + message + ")");
                }
                LOG.debug("{}: decoder warning: {}", id, message);
            }
            if (image == null) {
                throw new ImageInputException(id.name(), InputProblem.UNKNOWN_FORMAT,
                        "the " + format + " reader returned no image");
            }
            return BufferedImageConverter.convert(id, image, warnings);
        }
    }

    /**
     * Reads only what the header says: format, size, channels, alpha, bit depth. Pixels are not decoded, so a
     * truncated file may pass this and still fail {@link #decode}.
     *
     * @throws ImageInputException if the file cannot be opened, is not an image, or exceeds the pixel limit
     */
    public ImageHeader readHeader(Path file, ImageId id) {
        return withReader(new FileInput(file), id, this::header);
    }

    /** {@link #readHeader(Path, ImageId)} of a file's content in memory. */
    public ImageHeader readHeader(byte[] content, String fileName, ImageId id) {
        return withReader(new MemoryInput(content, fileName), id, this::header);
    }

    private ImageHeader header(ImageReader reader, ImageFormat format, EnumSet<ImageWarning> warnings, ImageId id)
            throws IOException {
        {
            checkPixelLimit(reader, id);
            ImageTypeSpecifier type = imageType(reader);
            int colors = 3;
            boolean alpha = false;
            int bits = 8;
            if (type != null) {
                ColorModel cm = type.getColorModel();
                alpha = cm.hasAlpha();
                if (cm instanceof IndexColorModel icm) {
                    colors = isGrayPalette(icm) ? 1 : 3;
                } else {
                    colors = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY ? 1 : 3;
                    bits = cm.getComponentSize(0);
                }
            }
            return new ImageHeader(format.name(), reader.getWidth(0), reader.getHeight(0), colors, alpha, bits);
        }
    }

    private static ImageTypeSpecifier imageType(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw != null) {
                return raw;
            }
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            return types.hasNext() ? types.next() : null;
        } catch (IOException | RuntimeException e) {
            // Some readers cannot describe unusual colour spaces (e.g. CMYK) without decoding; the header summary
            // then just falls back to "colour, 8 bits".
            return null;
        }
    }

    private static boolean isGrayPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private void checkPixelLimit(ImageReader reader, ImageId id) throws IOException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        long pixels = (long) w * h;
        if (w < 1 || h < 1) {
            throw new ImageInputException(id.name(), InputProblem.CORRUPT,
                    "header declares an empty size " + w + "x" + h);
        }
        if (pixels > options.maxPixels()) {
            throw new ImageInputException(id.name(), InputProblem.TOO_LARGE, "header declares " + w + "x" + h
                    + " = " + pixels + " pixels, more than the limit of " + options.maxPixels() + " (maxPixels)"
                    + "; refused before decoding");
        }
        ImageTypeSpecifier type = imageType(reader);
        long bitsPerPixel = type == null ? UNKNOWN_BITS_PER_PIXEL : bitsPerPixel(type.getSampleModel(1, 1));
        long bytes = (pixels * bitsPerPixel + 7) / 8;
        if (bytes > options.maxDecodedBytes()) {
            throw new ImageInputException(id.name(), InputProblem.TOO_LARGE, "header declares " + w + "x" + h
                    + (type == null ? " (sample layout unknown before decoding, counted as " : " at ")
                    + bitsPerPixel / 8.0 + " bytes per pixel = " + bytes + " bytes decoded, more than the limit of "
                    + options.maxDecodedBytes() + " (maxDecodedBytes); refused before decoding");
        }
    }

    /**
     * Bits per pixel of the decoded raster: one data element per pixel for packed layouts, one per band for the
     * component layouts that 16-bit and multi-band images use.
     */
    static long bitsPerPixel(SampleModel model) {
        int elementBits = DataBuffer.getDataTypeSize(model.getDataType());
        if (model instanceof MultiPixelPackedSampleModel packed) {
            return packed.getPixelBitStride();
        }
        if (model instanceof SinglePixelPackedSampleModel) {
            return elementBits;
        }
        return (long) model.getNumBands() * elementBits;
    }

    @FunctionalInterface
    private interface ReaderAction<T> {
        T apply(ImageReader reader, ImageFormat format, EnumSet<ImageWarning> warnings, ImageId id)
                throws IOException;
    }

    /** Where the encoded bytes come from: a file, or a file's content in memory. */
    private interface EncodedInput {
        /** Fills {@code head} with the first bytes; how many there were. */
        int readHead(String name, byte[] head);

        /** The name whose extension the content is checked against. */
        Optional<ImageFormat> formatByName();

        ImageInputStream open() throws IOException;
    }

    private record FileInput(Path file) implements EncodedInput {
        @Override
        public int readHead(String name, byte[] head) {
            return ImageFileDecoder.readHead(file, name, head);
        }

        @Override
        public Optional<ImageFormat> formatByName() {
            return ImageFormat.forFileName(file);
        }

        @Override
        public ImageInputStream open() throws IOException {
            return new FileImageInputStream(new RandomAccessFile(file.toFile(), "r"));
        }
    }

    private record MemoryInput(byte[] content, String fileName) implements EncodedInput {
        @Override
        public int readHead(String name, byte[] head) {
            if (content.length == 0) {
                throw new ImageInputException(name, InputProblem.EMPTY_FILE, "file is empty (0 bytes)");
            }
            int n = Math.min(head.length, content.length);
            System.arraycopy(content, 0, head, 0, n);
            return n;
        }

        @Override
        public Optional<ImageFormat> formatByName() {
            int slash = fileName.lastIndexOf('/');
            String last = fileName.substring(slash + 1);
            return last.isEmpty() ? Optional.empty() : ImageFormat.forFileName(Path.of(last));
        }

        @Override
        public ImageInputStream open() {
            return new javax.imageio.stream.MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(content));
        }
    }

    private <T> T withReader(EncodedInput input, ImageId id, ReaderAction<T> action) {
        String name = id.name();
        byte[] head = new byte[ImageFormat.SIGNATURE_BYTES];
        int headLength = input.readHead(name, head);
        Optional<ImageFormat> byContent = ImageFormat.sniff(head, headLength);
        Optional<ImageFormat> byName = input.formatByName();
        if (byContent.isEmpty()) {
            if (byName.isPresent()) {
                throw new ImageInputException(name, InputProblem.WRONG_MAGIC, "named as " + byName.get()
                        + " but does not start with a " + byName.get() + " signature (first bytes: "
                        + hex(head, headLength) + ")");
            }
            throw new ImageInputException(name, InputProblem.UNKNOWN_FORMAT,
                    "not a recognised image format (first bytes: " + hex(head, headLength) + ")");
        }
        ImageFormat format = byContent.get();
        EnumSet<ImageWarning> warnings = EnumSet.noneOf(ImageWarning.class);
        if (byName.isPresent() && byName.get() != format) {
            warnings.add(ImageWarning.EXTENSION_MISMATCH);
        }
        try (ImageInputStream in = input.open()) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                // What ImageIO.read would report as a null image.
                throw new ImageInputException(name, InputProblem.UNKNOWN_FORMAT,
                        "starts like " + format + " but no installed ImageIO reader accepts it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return action.apply(reader, format, warnings, id);
            } finally {
                reader.dispose();
            }
        } catch (ImageInputException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw classifyFailure(name, format, e);
        } catch (OutOfMemoryError e) {
            // The limits above keep a decode within them; this is the last resort for a heap smaller than they
            // assume, so that one image is reported (and under SKIP skipped) instead of ending the run.
            throw new ImageInputException(name, InputProblem.TOO_LARGE, "decoding needs more memory than is"
                    + " available (" + e.getMessage() + "); lower the image size or raise the Java heap (-Xmx)", e);
        } catch (StackOverflowError e) {
            throw new ImageInputException(name, InputProblem.CORRUPT, "damaged " + format + " data: its structure"
                    + " nests too deeply to decode", e);
        }
    }

    private static int readHead(Path file, String name, byte[] head) {
        if (Files.isDirectory(file)) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "is a folder, not a file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "does not exist", e);
        } catch (IOException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
        }
        if (size == 0) {
            throw new ImageInputException(name, InputProblem.EMPTY_FILE, "file is empty (0 bytes)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length);
        } catch (AccessDeniedException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "permission denied", e);
        } catch (IOException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
        }
    }

    private static ImageInputException classifyFailure(String name, ImageFormat format, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof EOFException || message.contains("unexpected end") || message.contains("premature end")
                    || message.contains("end of file") || message.contains("end of stream")
                    || message.contains("truncat")) {
                return new ImageInputException(name, InputProblem.TRUNCATED,
                        format + " data ends early (" + e.getMessage() + ")", e);
            }
        }
        return new ImageInputException(name, InputProblem.CORRUPT,
                "damaged " + format + " data (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(length, 8); i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
        }
        return s.toString();
    }
}
