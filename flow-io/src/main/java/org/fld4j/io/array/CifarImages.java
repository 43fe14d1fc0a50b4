package org.fld4j.io.array;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.InputProblem;

/**
 * The images of one or more CIFAR binary batch files, numbered across the files in the given order. The labels are
 * read once when opened (one or two bytes per record); images are read by position on demand.
 */
final class CifarImages implements ByteImageArray {

    private static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private final CifarVariant variant;
    private final List<Path> files;
    private final long[] firstIndex; // image number of each file's first record, plus the total at the end
    private final int[] labels;
    private final String name;

    CifarImages(CifarVariant variant, List<Path> files) {
        this.variant = Objects.requireNonNull(variant, "variant");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("CIFAR files must not be empty");
        }
        this.files = List.copyOf(files);
        this.firstIndex = new long[files.size() + 1];
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            long size = size(file);
            if (size == 0) {
                throw new ImageInputException(file.toString(), InputProblem.EMPTY_FILE, "file is empty (0 bytes)");
            }
            if (size % variant.recordBytes() != 0) {
                throw new ImageInputException(file.toString(), InputProblem.TRUNCATED, size + " bytes is not a whole "
                        + "number of " + variant + " records of " + variant.recordBytes() + " bytes ("
                        + (size % variant.recordBytes()) + " bytes left over)");
            }
            firstIndex[f + 1] = firstIndex[f] + size / variant.recordBytes();
        }
        if (firstIndex[files.size()] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " CIFAR records");
        }
        this.labels = readLabels();
        this.name = files.size() == 1 ? files.get(0).getFileName().toString() : variant.name().toLowerCase(
                java.util.Locale.ROOT);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImageInputException(file.toString(), InputProblem.UNREADABLE, "does not exist", e);
        } catch (IOException e) {
            throw new ImageInputException(file.toString(), InputProblem.UNREADABLE, "cannot be read: " + e, e);
        }
    }

    private int[] readLabels() {
        int[] out = new int[(int) firstIndex[files.size()]];
        byte[] record = new byte[variant.recordBytes()];
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (long i = firstIndex[f]; i < firstIndex[f + 1]; i++) {
                    if (in.readNBytes(record, 0, record.length) < record.length) {
                        throw new ImageInputException(file.toString(), InputProblem.TRUNCATED,
                                "file shrank while its labels were read");
                    }
                    out[(int) i] = record[variant.labelBytes() - 1] & 0xFF;
                }
            } catch (AccessDeniedException e) {
                throw new ImageInputException(file.toString(), InputProblem.UNREADABLE, "permission denied", e);
            } catch (IOException e) {
                throw new ImageInputException(file.toString(), InputProblem.UNREADABLE, "cannot be read: " + e, e);
            }
        }
        return out;
    }

    /** The labels of all images (CIFAR-100: the fine labels). */
    int[] labels() {
        return labels.clone();
    }

    /** The file that image {@code index} is in, and its record number there. */
    private int fileOf(int index) {
        int f = 0;
        while (firstIndex[f + 1] <= index) {
            f++;
        }
        return f;
    }

    /** Named by the file it is in and its record number there, e.g. {@code data_batch_2.bin[17]}. */
    @Override
    public ImageId id(int index) {
        Objects.checkIndex(index, labels.length);
        int f = fileOf(index);
        return new ImageId(files.get(f).getFileName() + "[" + (index - firstIndex[f]) + "]", index);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String format() {
        return variant.name();
    }

    @Override
    public int count() {
        return labels.length;
    }

    @Override
    public ImageShape shape() {
        return SHAPE;
    }

    @Override
    public void readBytes(int index, byte[] chw) throws IOException {
        Objects.checkIndex(index, labels.length);
        int f = fileOf(index);
        long record = index - firstIndex[f];
        Path file = files.get(f);
        long position = record * variant.recordBytes() + variant.labelBytes();
        // The planes are already R, G, B with rows in order: exactly CHW.
        new FileByteStore(file, firstIndex[f + 1] * variant.recordBytes()).read(position, chw, 0,
                CifarVariant.IMAGE_BYTES);
    }
}
