package org.fld4j.metrics.fld;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Simple distortions of 8-bit image arrays, written out here so the tests do not depend on the library's. */
final class TestDistortions {

    private TestDistortions() {
    }

    /** {@code clip(round(x + sigma n), 0, 255)}, n standard normal per value. */
    static INDArray additiveNoise(INDArray images, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = images.dup().data().asDouble();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, Math.min(255, Math.rint(v[i] + sigma * gaussian(random))));
        }
        return Nd4j.createFromArray(v).reshape(images.shape()).castTo(DataType.FLOAT);
    }

    /** Each pixel becomes 0 or 255 (equally likely) with probability {@code rate}. Single-channel images. */
    static INDArray saltAndPepper(INDArray images, double rate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = images.dup().data().asDouble();
        for (int i = 0; i < v.length; i++) {
            if (random.nextDouble() < rate) {
                v[i] = random.nextBoolean() ? 255 : 0;
            }
        }
        return Nd4j.createFromArray(v).reshape(images.shape()).castTo(DataType.FLOAT);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; one of the pair is enough here.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
