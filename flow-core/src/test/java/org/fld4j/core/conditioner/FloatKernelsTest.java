package org.fld4j.core.conditioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.internal.kernel.EluKernels;
import org.fld4j.core.internal.kernel.FloatKernels;
import org.fld4j.core.transform.ParameterSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float32 kernels against the network's float64 and float32 ND4J paths, on a geometry large enough for several chunks and two kernel threads.
 */
class FloatKernelsTest {

    @Test
    void kernelsRejectOperandsThatAreNotContiguousFloatRows() {
        INDArray doubles = Nd4j.create(DataType.DOUBLE, 2, 8);
        INDArray floats = Nd4j.create(DataType.FLOAT, 4, 8);
        assertThatThrownBy(() -> EluKernels.forward(doubles, floats))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOUBLE");
        assertThatThrownBy(() -> EluKernels.forward(Nd4j.create(DataType.FLOAT, 8, 2).transpose(), floats))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strides");
        assertThatThrownBy(() -> EluKernels.forward(Nd4j.create(DataType.FLOAT, 3, 8), floats))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 output rows");
    }

    private static final int IN = 2;
    private static final int HIDDEN = 16;
    private static final int OUT = 4;

    /** A network with random parameters bound to flat vectors, and its results for one input. */
    private record Run(INDArray output, INDArray gradInput, INDArray gradParams) {

        static Run of(DataType type, boolean fused, INDArray x, INDArray weights) {
            GatedConvNet net = new GatedConvNet(IN, HIDDEN, OUT, GatedConvNet.DEFAULT_BLOCKS, type, fused);
            List<ParameterSpec> specs = net.parameterSpecs("");
            long total = specs.stream().mapToLong(ParameterSpec::length).sum();
            INDArray params = Nd4j.create(type, total);
            INDArray grads = Nd4j.create(type, total);
            List<INDArray> values = new ArrayList<>();
            List<INDArray> gradViews = new ArrayList<>();
            long offset = 0;
            for (ParameterSpec spec : specs) {
                values.add(Nd4j.create(params.data(), spec.shape(), ArrayUtil.calcStrides(spec.shape()), offset, 'c'));
                gradViews.add(Nd4j.create(grads.data(), spec.shape(), ArrayUtil.calcStrides(spec.shape()), offset, 'c'));
                offset += spec.length();
            }
            net.bind(values, gradViews, 0);
            SplittableRandom random = new SplittableRandom(5);
            double[] p = new double[Math.toIntExact(total)];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble(-0.3, 0.3);
            }
            // LayerNorm gains around 1, so that the normalisation matters in both directions.
            params.assign(Nd4j.createFromArray(p).castTo(type));
            INDArray output = net.forward(x.castTo(type)).castTo(DataType.DOUBLE);
            INDArray gradInput = net.backward(weights.castTo(type)).castTo(DataType.DOUBLE);
            return new Run(output, gradInput, grads.castTo(DataType.DOUBLE));
        }
    }

    private static INDArray random(long seed, double scale, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(ArrayUtil.prodLong(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-scale, scale);
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }

    private static double relativeError(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }

    /**
     * 4 x 64 x 64 pixels: the ConcatELU backward (96 rows at hidden 16) runs in 8 chunks of 2,048
     * pixels split over two threads, so chunk edges and the split are exercised. The float32 network
     * with the kernels agrees with the float64 network (the path checked against finite differences)
     * as closely as the float32 network on ND4J's ops does, and with that network to float rounding.
     */
    @Test
    void fusedFloat32NetworkAgreesWithFloat64AndWithTheNd4jPath() {
        INDArray x = random(1, 3, 4, IN, 64, 64);
        INDArray weights = random(2, 1, 4, OUT, 64, 64);
        Run exact = Run.of(DataType.DOUBLE, true, x, weights);
        Run fused = Run.of(DataType.FLOAT, true, x, weights);
        Run plain = Run.of(DataType.FLOAT, false, x, weights);
        assertThat(exact.output().norm2Number().doubleValue()).isGreaterThan(1);
        for (Run run : new Run[] {fused, plain}) {
            assertThat(relativeError(run.output(), exact.output())).isLessThan(1e-6);
            assertThat(relativeError(run.gradInput(), exact.gradInput())).isLessThan(1e-5);
            assertThat(relativeError(run.gradParams(), exact.gradParams())).isLessThan(1e-5);
        }
        assertThat(relativeError(fused.output(), plain.output())).isLessThan(1e-6);
        assertThat(relativeError(fused.gradInput(), plain.gradInput())).isLessThan(1e-5);
        assertThat(relativeError(fused.gradParams(), plain.gradParams())).isLessThan(1e-5);
    }
}
