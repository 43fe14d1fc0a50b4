package org.fld4j.core.conditioner;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameter initialisation drawn on the Java side from a seeded generator, so that initial weights
 * depend only on the seed, never on ND4J's global random state or the thread count.
 */
final class LayerInit {

    private LayerInit() {
    }

    /** Fills {@code target} with independent U[low, high) values. */
    public static void uniform(INDArray target, double low, double high, RandomGenerator random) {
        double[] values = new double[Math.toIntExact(target.length())];
        for (int i = 0; i < values.length; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        target.assign(Nd4j.createFromArray(values).reshape(target.shape()).castTo(target.dataType()));
    }
}
