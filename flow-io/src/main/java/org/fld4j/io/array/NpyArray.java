package org.fld4j.io.array;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.InputProblem;

/**
 * An opened NPY array: its validated header and random access to its data.
 *
 * <p>Opening checks everything that can be checked without reading the data: signature, version, element type,
 * and that the data is exactly as long as the header says (a shorter file is {@link InputProblem#TRUNCATED}).
 * C-order data in a file is then read by position on demand; Fortran-order data, whose images are scattered
 * through the file, is read into memory once.
 */
public final class NpyArray {

    private final String name;
    private final NpyHeader header;
    private final ByteStore data;

    private NpyArray(String name, NpyHeader header, ByteStore data) {
        this.name = name;
        this.header = header;
        this.data = data;
    }

    /**
     * Opens an NPY file.
     *
     * @throws ImageInputException naming the file if it is missing, unreadable, malformed, of an unsupported type,
     *                             or shorter or longer than its header declares
     */
    public static NpyArray open(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        long size;
        byte[] head;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new ImageInputException(name, InputProblem.EMPTY_FILE, "file is empty (0 bytes)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] first = in.readNBytes(12);
                long needed = NpyHeader.requiredLength(first, first.length);
                if (needed > NpyHeader.MAX_HEADER_BYTES) {
                    throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY header claims " + needed
                            + " bytes, more than the " + NpyHeader.MAX_HEADER_BYTES + " any real header needs");
                }
                head = Arrays.copyOf(first, (int) Math.max(needed, first.length));
                int got = first.length + in.readNBytes(head, first.length, head.length - first.length);
                NpyHeader header = NpyHeader.parse(name, head, got);
                long expectedEnd = Math.addExact(header.dataOffset(), header.dataBytes());
                checkLength(name, header, size, expectedEnd);
                ByteStore store;
                if (header.fortranOrder()) {
                    store = new MemoryByteStore(readAll(file, name, header.dataOffset(), header.dataBytes()));
                    return new NpyArray(name, rebase(header), store);
                }
                store = new FileByteStore(file, size);
                return new NpyArray(name, header, store);
            }
        } catch (NoSuchFileException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "permission denied", e);
        } catch (IOException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "cannot be read: " + e, e);
        } catch (ArithmeticException e) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape is too large: " + e, e);
        }
    }

    /**
     * Opens NPY bytes already in memory (an NPZ entry).
     *
     * @param name the name for messages and identities
     */
    static NpyArray fromBytes(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImageInputException(name, InputProblem.EMPTY_FILE, "entry is empty (0 bytes)");
        }
        NpyHeader header = NpyHeader.parse(name, bytes, bytes.length);
        long expectedEnd;
        try {
            expectedEnd = Math.addExact(header.dataOffset(), header.dataBytes());
        } catch (ArithmeticException e) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY shape is too large", e);
        }
        checkLength(name, header, bytes.length, expectedEnd);
        return new NpyArray(name, header, new MemoryByteStore(bytes));
    }

    private static void checkLength(String name, NpyHeader header, long size, long expectedEnd) {
        if (size < expectedEnd) {
            throw new ImageInputException(name, InputProblem.TRUNCATED, "NPY data is cut off: header declares "
                    + header.dtype().descr(header.order()) + " " + header.shapeText() + " = " + header.dataBytes()
                    + " bytes of data, but only " + Math.max(0, size - header.dataOffset()) + " are present");
        }
        if (size > expectedEnd) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH, "NPY file has " + (size - expectedEnd)
                    + " bytes after the " + header.dataBytes() + " bytes of data its header "
                    + header.shapeText() + " declares");
        }
    }

    private static byte[] readAll(Path file, String name, long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new ImageInputException(name, InputProblem.SHAPE_MISMATCH,
                    "Fortran-order NPY data larger than 2 GiB is not supported; save it in C order");
        }
        byte[] data = new byte[(int) length];
        new FileByteStore(file, offset + length).read(offset, data, 0, data.length);
        return data;
    }

    /** The same header with the data starting at 0, for data moved into its own buffer. */
    private static NpyHeader rebase(NpyHeader h) {
        return new NpyHeader(h.dtype(), h.order(), h.fortranOrder(), h.shape(), 0);
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** The header. */
    public NpyHeader header() {
        return header;
    }

    /** The data bytes (without the header) when they are in memory, viewed without copying; else empty. */
    java.util.Optional<java.nio.ByteBuffer> dataInMemory() {
        if (data instanceof MemoryByteStore memory) {
            return java.util.Optional.of(memory.view(header.dataOffset()));
        }
        return java.util.Optional.empty();
    }

    /**
     * Every element as a double, in C order (Fortran-order data is reordered), for small arrays such as
     * model weights.
     *
     * @throws ImageInputException naming the array if it has more elements than a Java array holds or cannot be read
     */
    public double[] toDoubles() {
        long count = header.elementCount();
        int itemSize = header.dtype().itemSize();
        if (count * itemSize > Integer.MAX_VALUE - 8) {
            throw new ImageInputException(name, InputProblem.TOO_LARGE, "array of " + count
                    + " elements is too large to read into memory at once");
        }
        byte[] bytes = new byte[Math.toIntExact(count * itemSize)];
        try {
            readElements(0, bytes, bytes.length);
        } catch (IOException e) {
            throw new ImageInputException(name, InputProblem.UNREADABLE, "cannot read the array: " + e.getMessage(), e);
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(header.order());
        double[] stored = new double[Math.toIntExact(count)];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = switch (header.dtype()) {
                case UINT8 -> bytes[i] & 0xFF;
                case FLOAT32 -> buffer.getFloat(i * 4);
                case FLOAT64 -> buffer.getDouble(i * 8);
            };
        }
        return header.fortranOrder() ? fortranToC(stored, header.shape()) : stored;
    }

    /** The same elements in C order: Fortran order varies the first index fastest. */
    private static double[] fortranToC(double[] fortran, long[] shape) {
        double[] c = new double[fortran.length];
        int[] index = new int[shape.length];
        for (int f = 0; f < fortran.length; f++) {
            int position = 0;
            for (int d = 0; d < shape.length; d++) {
                position = Math.toIntExact(position * shape[d] + index[d]);
            }
            c[position] = fortran[f];
            for (int d = 0; d < shape.length && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return c;
    }

    /** Reads {@code length} data bytes starting at element {@code firstElement}. */
    void readElements(long firstElement, byte[] target, int length) throws IOException {
        long position = header.dataOffset() + firstElement * header.dtype().itemSize();
        if (position + length > data.size()) {
            throw new EOFException("read past the end of " + name);
        }
        data.read(position, target, 0, length);
    }
}
