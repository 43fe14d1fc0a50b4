package org.fld4j.core.coupling;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.transform.Transform;
import org.fld4j.core.transform.TransformContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class DenseCouplingTest {

    /**
     * The float32 coupling (its scale, tanh and e^s in one Java pass) against the float64 one with the
     * same parameters, drawn large (U(-0.6, 0.6)) so that the scales are far from 0: outputs,
     * log-determinants, log-likelihoods and gradients agree to float precision.
     */
    @Test
    void float32AgreesWithFloat64() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        double[] params = null;
        double[][] results = new double[2][];
        double[][] grads = new double[2][];
        double[] x = new double[64 * 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-3, 3);
        }
        DataType[] types = {DataType.DOUBLE, DataType.FLOAT};
        for (int k = 0; k < 2; k++) {
            for (CouplingForm form : CouplingForm.values()) {
                Coupling layer = Coupling.dense(new HalfMask(10, false), new int[] {32, 32}, Activation.RELU,
                        form, types[k]);
                FlowNetwork net = FlowNetwork.create(layer.inputShape(), types[k], List.of(layer), 1);
                if (params == null) {
                    params = new double[(int) net.parameterCount()];
                    for (int i = 0; i < params.length; i++) {
                        params[i] = random.nextDouble(-0.6, 0.6);
                    }
                }
                net.parameters().assign(Nd4j.createFromArray(params).castTo(types[k]));
                org.nd4j.linalg.api.ndarray.INDArray batch = Nd4j.createFromArray(x).reshape(64, 10).castTo(types[k]);
                org.fld4j.core.transform.Transformed out = layer.forward(batch);
                double[] row = concat(out.output().castTo(DataType.DOUBLE).data().asDouble(),
                        out.logDet().castTo(DataType.DOUBLE).data().asDouble(), net.logProb(batch));
                results[k] = results[k] == null ? row : concat(results[k], row);
                net.lossAndGradient(batch);
                double[] g = net.gradients().castTo(DataType.DOUBLE).data().asDouble();
                grads[k] = grads[k] == null ? g : concat(grads[k], g);
            }
        }
        double largestS = 0;
        assertThat(results[1]).hasSameSizeAs(results[0]);
        for (int i = 0; i < results[0].length; i++) {
            assertThat(results[1][i]).isCloseTo(results[0][i],
                    org.assertj.core.api.Assertions.within(2e-5 * Math.max(1, Math.abs(results[0][i]))));
            largestS = Math.max(largestS, Math.abs(results[0][i]));
        }
        assertThat(largestS).isGreaterThan(5);
        for (int i = 0; i < grads[0].length; i++) {
            assertThat(grads[1][i]).isCloseTo(grads[0][i],
                    org.assertj.core.api.Assertions.within(1e-4 * Math.max(1, Math.abs(grads[0][i]))));
        }
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** The conditioner's kept activations are freed by a release: backward then asks for a forward. */
    @Test
    void backwardAfterAReleaseNeedsANewForward() {
        Coupling layer = Coupling.dense(new HalfMask(6, false), new int[] {8}, Activation.TANH,
                CouplingForm.AFFINE, DataType.DOUBLE);
        FlowNetwork net = FlowNetwork.create(layer.inputShape(), DataType.DOUBLE, List.of(layer), 1);
        layer.forward(Nd4j.rand(DataType.DOUBLE, 3, 6));
        net.releaseWorkArrays();
        assertThatThrownBy(() -> layer.backward(Nd4j.ones(DataType.DOUBLE, 3, 6), Nd4j.ones(DataType.DOUBLE, 3)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Nested
    class AffineFormFirstHalfConditions extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.dense(new HalfMask(6, false), new int[] {8, 8}, Activation.TANH, CouplingForm.AFFINE, type);
        }
    }

    @Nested
    class FldFormSecondHalfConditionsOddDimension extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.dense(new HalfMask(7, true), new int[] {8}, Activation.ELU, CouplingForm.FLD, type);
        }
    }

    @Nested
    class ReluConditioner extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.dense(new HalfMask(5, false), new int[] {16, 16}, Activation.RELU, CouplingForm.FLD, type);
        }
    }

    @Nested
    class LeakyReluConditioner extends TransformContractTest {
        @Override
        protected Transform newLayer(DataType type) {
            return Coupling.dense(new HalfMask(4, true), new int[] {6}, Activation.LEAKY_RELU, CouplingForm.AFFINE, type);
        }
    }
}
