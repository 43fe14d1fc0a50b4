package org.fld4j.core.transform;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Validation shared by the image layers: sample shapes and value ranges, with clear messages. */
public final class ImageShapes {

    private ImageShapes() {
    }

    /** Checks that {@code shape} is {@code [C, H, W]} with positive sizes; returns a copy. */
    public static long[] checkChw(long[] shape, String what) {
        if (shape == null || shape.length != 3 || Arrays.stream(shape).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException(what + " needs a sample shape [C, H, W] with positive sizes, got "
                    + Arrays.toString(shape));
        }
        return shape.clone();
    }

    /** Checks that every value of {@code x} lies in {@code [min, max]}, naming the offending value. */
    public static void checkRange(INDArray x, double min, double max, String what) {
        double lo = x.minNumber().doubleValue();
        double hi = x.maxNumber().doubleValue();
        if (!(lo >= min) || !(hi <= max)) {
            double bad = !(lo >= min) ? lo : hi;
            throw new IllegalArgumentException(what + " values must lie in [" + fmt(min) + ", " + fmt(max)
                    + "], found " + bad);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
