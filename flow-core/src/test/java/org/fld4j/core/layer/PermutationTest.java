package org.fld4j.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class PermutationTest extends TransformContractTest {

    @Override
    protected Transform newLayer(DataType type) {
        return Permutation.random(6, new SplittableRandom(1), type);
    }

    @Test
    void reverseReversesTheFeatures() {
        Permutation p = Permutation.reverse(4, DataType.DOUBLE);
        double[][] y = p.forward(Nd4j.createFromArray(new double[][] {{1, 2, 3, 4}})).output().toDoubleMatrix();
        assertThat(y[0]).containsExactly(4, 3, 2, 1);
    }

    @Test
    void explicitPermutationMovesFeatureJFromPermJ() {
        Permutation p = new Permutation(new int[] {2, 0, 1}, DataType.DOUBLE);
        double[][] y = p.forward(Nd4j.createFromArray(new double[][] {{10, 20, 30}})).output().toDoubleMatrix();
        assertThat(y[0]).containsExactly(30, 10, 20);
    }

    @Test
    void rejectsANonPermutation() {
        assertThatThrownBy(() -> new Permutation(new int[] {0, 0, 1}, DataType.DOUBLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1 maps to 0");
    }
}
