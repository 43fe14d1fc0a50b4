package org.fld4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.NoiseKey;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VariationalDequantizationTest {

    private static final long[] SHAPE = {2, 2, 2};

    /** Variational dequantization then the logit, float64, with random parameters. */
    private static FlowNetwork network() {
        FlowNetwork net = FlowNetwork.create(SHAPE, DataType.DOUBLE, List.of(
                new VariationalDequantization(SHAPE, 2, 3, 1, 1e-5, 256, DataType.DOUBLE),
                new Logit(SHAPE, 1e-5, DataType.DOUBLE)), 1);
        SplittableRandom r = new SplittableRandom(2);
        INDArray p = net.parameters();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, 0.3 * r.nextGaussian());
        }
        return net;
    }

    @Test
    void dequantizedPixelsStayInTheirBinAndQuantizeBack() {
        FlowNetwork net = network();
        var layer = (VariationalDequantization) net.layers().get(0);
        INDArray x = UniformDequantizationTest.randomImages(40, SHAPE, 3, DataType.DOUBLE);
        layer.useNoise(new NoiseKey(5, 0, 0));
        INDArray y = layer.forward(x).output().dup();
        INDArray u = y.mul(256).sub(x);
        assertThat(u.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(u.maxNumber().doubleValue()).isLessThan(1);
        assertThat(layer.inverse(y).output()).isEqualTo(x);
    }

    @Test
    void withZeroCouplingsTheNoiseIsUniformAndTheLogDetIsThatOfUniformDequantization() {
        FlowNetwork net = FlowNetwork.create(SHAPE, DataType.DOUBLE,
                List.of(new VariationalDequantization(SHAPE, 2, 3, 1, 1e-5, 256, DataType.DOUBLE)), 1);
        var layer = (VariationalDequantization) net.layers().get(0);
        INDArray x = UniformDequantizationTest.randomImages(4, SHAPE, 4, DataType.DOUBLE);
        layer.useNoise(new NoiseKey(6, 0, 0));
        var r = layer.forward(x);
        // Fresh couplings are the identity: u = sigmoid(logit(eps)) = eps (up to alpha), q(u|x) = 1.
        for (double v : r.logDet().toDoubleVector()) {
            assertThat(v).isCloseTo(-8 * Math.log(256), within(1e-3));
        }
        var uniform = new UniformDequantization(SHAPE, 256, DataType.DOUBLE);
        uniform.useNoise(new NoiseKey(6, 0, 0));
        assertThat(r.output().sub(uniform.forward(x).output()).amaxNumber().doubleValue()).isLessThan(1e-7);
    }

    /** The loss includes -log q(u|x); its parameter gradient must match finite differences. */
    @Test
    void parameterGradientsMatchFiniteDifferences() {
        FlowNetwork net = network();
        INDArray x = UniformDequantizationTest.randomImages(3, SHAPE, 7, DataType.DOUBLE);
        net.setTrainingNoiseSeed(9);
        net.lossAndGradient(x);
        INDArray grad = net.gradients().dup();
        INDArray p = net.parameters();
        double h = 1e-6;
        int checked = 0;
        for (long k = 0; k < net.parameterCount(); k += 7) {
            double v = p.getDouble(k);
            p.putScalar(k, v + h);
            net.setTrainingNoiseSeed(9);
            double plus = net.lossAndGradient(x);
            p.putScalar(k, v - h);
            net.setTrainingNoiseSeed(9);
            double minus = net.lossAndGradient(x);
            p.putScalar(k, v);
            double numeric = (plus - minus) / (2 * h);
            assertThat(grad.getDouble(k)).as("dL/dθ[%d]", k).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(grad.amaxNumber().doubleValue()).isGreaterThan(0);
    }
}
