package org.fld4j.io.array;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;

/**
 * An opened IDX file, the format of MNIST, Fashion-MNIST, KMNIST and EMNIST: two zero bytes, an element-type byte
 * ({@code 0x08} = unsigned byte, the only type images and labels use), the number of dimensions, each dimension as
 * a big-endian 32-bit integer, then the data in C order.
 *
 * <p>Gzipped files (recognised by content, not name) are inflated into memory once; plain files are read by
 * position. Either way the data length is checked against the header when the file is opened, so a truncated file
 * is refused up front rather than halfway through a stream.
 */
public final class IdxFile {

    private static final int UNSIGNED_BYTE = 0x08;

    /** The first buffer for gzipped data; it doubles as bytes arrive, up to the size the header declares. */
    private static final int INITIAL_BUFFER = 1 << 20;

    private final String name;
    private final int[] dims;
    private final ByteStore data;
    private final long dataOffset;

    private IdxFile(String name, int[] dims, ByteStore data, long dataOffset) {
        this.name = name;
        this.dims = dims;
        this.data = data;
        this.dataOffset = dataOffset;
    }

    /**
     * Opens {@code file}.
     *
     * @throws ImageInputException naming the file if it is missing, empty, not IDX, not unsigned bytes, or shorter
     *                             or longer than its header declares
     */
    public static IdxFile open(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new ImageInputException(name, InputProblem.EMPTY_FILE, "file is empty (0 bytes)");
            }
            boolean gzipped;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] magic = in.readNBytes(2);
                gzipped = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
            }
            if (gzipped) {
                return openGzipped(file, name);
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int[] dims = readHeader(in, name);
                long headerLength = 4 + 4L * dims.length;
                long expected = dataLength(name, dims);
                if (size - headerLength < expected) {
                    throw truncated(name, dims, size - headerLength);
                }
                if (size - headerLength > expected) {
                    throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "IDX file has "
                            + (size - headerLength - expected) + " bytes after the data its header "
                            + Arrays.toString(dims) + " declares");
                }
                return new IdxFile(name, dims, new FileByteStore(file, size), headerLength);
            }
        } catch (NoSuchFileException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "permission denied", e);
        } catch (IOException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
        }
    }

    /**
     * Reads IDX data from a stream (e.g. a class-path resource) into memory; gzip is recognised by content. The
     * stream is read to its end but not closed.
     *
     * @param name the name for messages and identities
     * @throws ImageInputException naming {@code name} if the data is not valid IDX or is cut off
     */
    public static IdxFile read(String name, InputStream stream) {
        Objects.requireNonNull(name, "name");
        try {
            BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 < 0) {
                throw new ImageInputException(name, InputProblem.EMPTY_FILE, "stream is empty (0 bytes)");
            }
            InputStream plain = b0 == 0x1F && b1 == 0x8B ? new GZIPInputStream(in, 1 << 16) : in;
            return readIntoMemory(name, plain);
        } catch (IOException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
        }
    }

    private static IdxFile openGzipped(Path file, String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return readIntoMemory(name, in);
        }
    }

    private static IdxFile readIntoMemory(String name, InputStream plain) throws IOException {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(plain, 1 << 16));
            int[] dims;
            try {
                dims = readHeader(in, name);
            } catch (EOFException e) {
                throw new ImageInputException(name, InputProblem.TRUNCATED, "IDX header is cut off", e);
            }
            long expected = dataLength(name, dims);
            if (expected > Integer.MAX_VALUE - 8) {
                throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "IDX data of " + expected
                        + " bytes does not fit in memory; store it uncompressed as a file");
            }
            // The buffer grows with the bytes that arrive, so a header that declares far more than the stream
            // holds costs no more memory than the stream's real content.
            byte[] data = new byte[(int) Math.min(expected, INITIAL_BUFFER)];
            int got = 0;
            try {
                while (got < expected) {
                    if (got == data.length) {
                        data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
                    }
                    int n = in.read(data, got, data.length - got);
                    if (n < 0) {
                        break;
                    }
                    got += n;
                }
            } catch (EOFException | ZipException e) {
                throw new ImageInputException(name, InputProblem.TRUNCATED, "gzip stream ends early (" + e.getMessage()
                        + ")", e);
            }
            if (got < expected) {
                throw truncated(name, dims, got);
            }
            if (in.read() >= 0) {
                throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "IDX file has bytes after the "
                        + expected + " bytes of data its header " + Arrays.toString(dims) + " declares");
            }
            return new IdxFile(name, dims, new MemoryByteStore(data), 0);
        } catch (ZipException | EOFException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            InputProblem p = e instanceof EOFException || m.contains("unexpected end") ? InputProblem.TRUNCATED
                    : InputProblem.CORRUPT;
            throw new ImageInputException(name, p, "damaged gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static int[] readHeader(DataInputStream in, String name) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new ImageInputException(name, InputProblem.TRUNCATED, "file ends inside the 4-byte IDX signature");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new ImageInputException(name, InputProblem.WRONG_MAGIC, String.format(Locale.ROOT,
                    "does not start with an IDX signature (00 00 type dims); first bytes: %02x %02x %02x %02x",
                    magic[0] & 0xFF, magic[1] & 0xFF, magic[2] & 0xFF, magic[3] & 0xFF));
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new ImageInputException(name, InputProblem.UNSUPPORTED_DTYPE, String.format(Locale.ROOT,
                    "IDX element type 0x%02x is not supported; images and labels must be unsigned bytes (0x08)",
                    type));
        }
        int rank = magic[3] & 0xFF;
        if (rank < 1) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "IDX header declares 0 dimensions");
        }
        int[] dims = new int[rank];
        for (int k = 0; k < rank; k++) {
            try {
                dims[k] = in.readInt();
            } catch (EOFException e) {
                throw new ImageInputException(name, InputProblem.TRUNCATED, "file ends inside the IDX header", e);
            }
            if (dims[k] < 0) {
                throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "IDX dimension " + k + " is "
                        + Integer.toUnsignedString(dims[k]) + ", too large");
            }
        }
        return dims;
    }

    /**
     * The number of data bytes {@code dims} declare.
     *
     * @throws ImageInputException naming the file if the product does not fit in a {@code long}
     */
    private static long dataLength(String name, int[] dims) {
        long n = 1;
        for (int d : dims) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "IDX header dimensions "
                        + Arrays.toString(dims) + " multiply to more bytes than any file can hold", e);
            }
        }
        return n;
    }

    private static ImageInputException truncated(String name, int[] dims, long present) {
        return new ImageInputException(name, InputProblem.TRUNCATED, "IDX data is cut off: header declares "
                + Arrays.toString(dims) + " = " + dataLength(name, dims) + " bytes, only " + Math.max(0, present)
                + " are present");
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** The dimensions from the header. */
    public int[] dims() {
        return dims.clone();
    }

    /** Reads {@code target.length} data bytes starting at data byte {@code position}. */
    void read(long position, byte[] target) throws IOException {
        data.read(dataOffset + position, target, 0, target.length);
    }

    /**
     * Reads a one-dimensional IDX file of labels.
     *
     * @throws ImageInputException naming the file if it is not a valid one-dimensional unsigned-byte IDX file
     */
    public static int[] readLabels(Path file) {
        return labelsOf(open(file));
    }

    /** As {@link #readLabels(Path)}, from a stream (see {@link #read(String, InputStream)}). */
    public static int[] readLabels(String name, InputStream stream) {
        return labelsOf(read(name, stream));
    }

    private static int[] labelsOf(IdxFile idx) {
        if (idx.dims.length != 1) {
            throw new ImageInputException(idx.name, InputProblem.SHAPE_MISMATCH, "IDX label file must have 1 "
                    + "dimension, header declares " + Arrays.toString(idx.dims));
        }
        byte[] bytes = new byte[idx.dims[0]];
        try {
            idx.read(0, bytes);
        } catch (IOException e) {
            throw new ImageInputException(idx.name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
        }
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            labels[i] = bytes[i] & 0xFF;
        }
        return labels;
    }
}
