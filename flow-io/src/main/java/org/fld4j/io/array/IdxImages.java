package org.fld4j.io.array;

import java.io.IOException;
import java.util.Arrays;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.InputProblem;

/** The images of a three-dimensional IDX file {@code [N, rows, columns]}: grayscale, one byte per pixel. */
final class IdxImages implements ByteImageArray {

    private final IdxFile file;
    private final String name;
    private final int count;
    private final ImageShape shape;

    IdxImages(IdxFile file, String name) {
        this.file = file;
        this.name = name;
        int[] dims = file.dims();
        if (dims.length != 3) {
            throw new ImageInputException(file.name(), InputProblem.SHAPE_MISMATCH, "IDX images must have 3 "
                    + "dimensions [images, rows, columns], header declares " + Arrays.toString(dims));
        }
        if (dims[0] < 1 || dims[1] < 1 || dims[2] < 1) {
            throw new ImageInputException(file.name(), InputProblem.SHAPE_MISMATCH, "IDX header declares no images "
                    + "or an empty size: " + Arrays.toString(dims));
        }
        this.count = dims[0];
        this.shape = new ImageShape(1, dims[1], dims[2]);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String format() {
        return "IDX";
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public void readBytes(int index, byte[] chw) throws IOException {
        file.read((long) index * shape.sampleCount(), chw);
    }
}
