package org.fld4j.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.transform.NoiseKey;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class UniformDequantizationTest {

    private static final long[] SHAPE = {2, 4, 4};

    static INDArray randomImages(int n, long[] shape, long seed, DataType type) {
        SplittableRandom r = new SplittableRandom(seed);
        int d = (int) (shape[0] * shape[1] * shape[2]);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(256);
        }
        // The extremes must be present: they are where quantization can go wrong.
        v[0] = 0;
        v[1] = 255;
        return Nd4j.createFromArray(v).reshape(n, shape[0], shape[1], shape[2]).castTo(type);
    }

    @Test
    void dequantizeThenQuantizeReturnsTheSameIntegers() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            UniformDequantization layer = new UniformDequantization(SHAPE, 256, type);
            INDArray x = randomImages(50, SHAPE, 1, type);
            layer.useNoise(new NoiseKey(3, 0, 0));
            INDArray y = layer.forward(x).output().dup();
            assertThat(layer.inverse(y).output()).isEqualTo(x);
        }
    }

    @Test
    void noiseStaysInsideThePixelsBinAndTheLogDetIsMinusDLog256() {
        UniformDequantization layer = new UniformDequantization(SHAPE, 256, DataType.DOUBLE);
        INDArray x = randomImages(20, SHAPE, 2, DataType.DOUBLE);
        layer.useNoise(new NoiseKey(4, 0, 0));
        var r = layer.forward(x);
        INDArray u = r.output().mul(256).sub(x);
        assertThat(u.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(u.maxNumber().doubleValue()).isLessThan(1);
        // Uniform on [0, 1): the mean of 640 draws is 1/2 within 4 standard errors (sd 1/sqrt(12)).
        assertThat(u.meanNumber().doubleValue()).isCloseTo(0.5, within(4 / Math.sqrt(12 * 640.0)));
        for (double v : r.logDet().toDoubleVector()) {
            assertThat(v).isEqualTo(-32 * Math.log(256));
        }
    }

    @Test
    void noiseOfASampleDoesNotDependOnItsBatch() {
        UniformDequantization layer = new UniformDequantization(SHAPE, 256, DataType.DOUBLE);
        INDArray x = randomImages(6, SHAPE, 3, DataType.DOUBLE);
        layer.useNoise(new NoiseKey(9, 0, 0));
        INDArray whole = layer.forward(x).output().dup();
        layer.useNoise(new NoiseKey(9, 4, 0));
        INDArray tail = layer.forward(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 6))).output();
        assertThat(tail).isEqualTo(whole.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 6)));
        layer.useNoise(new NoiseKey(9, 0, 1));
        assertThat(layer.forward(x).output()).isNotEqualTo(whole);
    }

    @Test
    void bitsPerDimOfTheUniformNoiseModelIsExactlyEight() {
        Flow flow = Flow.of(FlowNetwork.create(SHAPE, DataType.DOUBLE,
                List.of(new UniformDequantization(SHAPE, 256, DataType.DOUBLE), new UniformProbit(SHAPE)), 0));
        INDArray x = randomImages(30, SHAPE, 5, DataType.DOUBLE);
        for (double bpd : flow.bitsPerDim(x, EvaluationOptions.defaults().withDequantizationSamples(3))) {
            assertThat(bpd).isCloseTo(8.0, within(1e-9));
        }
    }

    @Test
    void pixelsOutsideTheRangeAreRejectedWithTheValue() {
        UniformDequantization layer = new UniformDequantization(SHAPE, 256, DataType.DOUBLE);
        INDArray x = randomImages(2, SHAPE, 6, DataType.DOUBLE);
        x.putScalar(new long[] {1, 1, 2, 3}, 256);
        assertThatThrownBy(() -> layer.forward(x)).hasMessageContaining("[0, 255]").hasMessageContaining("256");
    }
}
