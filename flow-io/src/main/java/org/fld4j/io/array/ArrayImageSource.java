package org.fld4j.io.array;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import java.util.OptionalInt;
import org.fld4j.io.BadInputPolicy;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageHeader;
import org.fld4j.io.ImageId;
import org.fld4j.io.ImageInputException;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.InputProblem;
import org.fld4j.io.InputReport;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.ValueRange;

/**
 * A source over images stored as numbers (arrays, NPY/NPZ, IDX, CIFAR), built by {@link ArraySourceBuilder}.
 *
 * <p>Numbers are turned into 8-bit samples with the declared {@link ValueRange}: mapped linearly onto 0..255 and
 * rounded to the nearest integer, halves up. A NaN, an infinity or a value outside the range makes the image bad
 * ({@link InputProblem#BAD_VALUE}, naming the image, the position and the value), to fail or be skipped as the
 * {@link BadInputPolicy} says; it is never clamped.
 */
public final class ArrayImageSource implements ImageSource {

    private final ImageArray array;
    private final ValueRange range;
    private final BadInputPolicy policy;
    private final int[] labels;

    ArrayImageSource(ImageArray array, ValueRange range, BadInputPolicy policy, int[] labels) {
        this.array = Objects.requireNonNull(array, "array");
        this.range = Objects.requireNonNull(range, "range");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.labels = labels == null ? null : labels.clone();
    }

    /** The shape every image of this source has. */
    public ImageShape imageShape() {
        return array.shape();
    }

    /** The declared value range. */
    public ValueRange range() {
        return range;
    }

    @Override
    public int size() {
        return array.count();
    }

    @Override
    public ImageId id(int index) {
        Objects.checkIndex(index, array.count());
        return array.id(index);
    }

    @Override
    public DecodedImage read(int index) {
        ImageId id = id(index);
        ImageShape s = array.shape();
        byte[] out = new byte[s.sampleCount()];
        try {
            if (array.storesBytes()) {
                array.readBytes(index, out);
            } else {
                double[] values = new double[out.length];
                array.readValues(index, values);
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    if (!range.contains(v)) {
                        int c = i / (s.height() * s.width());
                        int y = i / s.width() % s.height();
                        int x = i % s.width();
                        throw new ImageInputException(id.name(), InputProblem.BAD_VALUE, "value " + v
                                + " at channel " + c + ", row " + y + ", column " + x + " is "
                                + (Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? "infinite"
                                : "outside the declared range " + range + " [" + range.low() + ", "
                                + range.high() + "]"));
                    }
                    out[i] = (byte) range.toUint8(v);
                }
            }
        } catch (EOFException e) {
            throw new ImageInputException(id.name(), InputProblem.TRUNCATED, "data ends early: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageInputException(id.name(), InputProblem.UNREADABLE, "cannot be read: " + e, e);
        } catch (OutOfMemoryError | ArithmeticException e) {
            throw new ImageInputException(id.name(), InputProblem.TOO_LARGE, "one image of " + s + " does not fit"
                    + " in the memory available (" + e.getMessage() + ")", e);
        }
        return DecodedImage.clean(id, UInt8Image.adopt(s.channels(), s.height(), s.width(), out));
    }

    @Override
    public ImageHeader header(int index) {
        Objects.checkIndex(index, array.count());
        ImageShape s = array.shape();
        return new ImageHeader(array.format(), s.width(), s.height(), s.channels(), false, array.bitsPerSample());
    }

    @Override
    public OptionalInt label(int index) {
        Objects.checkIndex(index, array.count());
        return labels == null ? OptionalInt.empty() : OptionalInt.of(labels[index]);
    }

    @Override
    public BadInputPolicy badInputPolicy() {
        return policy;
    }

    @Override
    public InputReport listingReport() {
        return InputReport.empty(description());
    }

    @Override
    public String description() {
        return array.format() + " " + array.name() + " (" + array.count() + " x " + array.shape() + ", " + range
                + ")";
    }

    @Override
    public String toString() {
        return description();
    }
}
