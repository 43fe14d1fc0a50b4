package org.fld4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.fld4j.core.conditioner.Activation;
import org.fld4j.core.coupling.CouplingForm;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlowTest {

    static INDArray gaussianBatch(int n, int d, long seed, DataType type) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] v = new double[n][d];
        for (double[] row : v) {
            for (int j = 0; j < d; j++) {
                row[j] = 1.5 * r.nextGaussian() + 0.3;
            }
        }
        return Nd4j.createFromArray(v).castTo(type);
    }

    /** A flow with random (non-identity) parameters, so that every layer does something. */
    static Flow randomised(DenseFlowBuilder builder, long seed) {
        FlowNetwork net = builder.build().toNetwork();
        SplittableRandom r = new SplittableRandom(seed);
        INDArray p = net.parameters();
        double[] noise = new double[Math.toIntExact(p.length())];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.05 * r.nextGaussian();
        }
        p.addi(Nd4j.createFromArray(noise).castTo(p.dataType()));
        return Flow.of(net);
    }

    @Test
    void freshFlowIsTheStandardNormal() {
        Flow flow = Flow.dense(6).couplings(4).hidden(16).dataType(DataType.DOUBLE).build();
        INDArray x = gaussianBatch(5, 6, 1, DataType.DOUBLE);
        double[] logp = flow.logProb(x);
        double[][] rows = x.toDoubleMatrix();
        for (int i = 0; i < rows.length; i++) {
            double sq = 0;
            for (double v : rows[i]) {
                sq += v * v;
            }
            double expected = -0.5 * sq - 3 * Math.log(2 * Math.PI);
            assertThat(logp[i]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void parameterCountOfTheReferenceDenseRealNvp() {
        // H^2 + 1.5 D H + 2H + 1.5 D per coupling, times K: the reference's count for D=100, K=8, H=256.
        assertThat(Flow.dense(100).couplings(8).hidden(256).build().parameterCount()).isEqualTo(836_784L);
        assertThat(Flow.dense(10).couplings(8).hidden(256).build().parameterCount()).isEqualTo(559_224L);
    }

    @Test
    void logProbDoesNotDependOnBatchSize() {
        Flow flow = randomised(Flow.dense(8).couplings(4).hidden(32).dataType(DataType.DOUBLE)
                .mixing(DenseFlowOptions.Mixing.INVERTIBLE_LINEAR).actNorm(true), 3);
        INDArray x = gaussianBatch(103, 8, 2, DataType.DOUBLE);
        double[] whole = flow.logProb(x, 256);
        for (int batch : new int[] {1, 7, 50}) {
            double[] parts = flow.logProb(x, batch);
            for (int i = 0; i < whole.length; i++) {
                assertThat(parts[i]).isCloseTo(whole[i], within(1e-12 * Math.abs(whole[i])));
            }
        }
    }

    @Test
    void encodeDecodeRoundTripThroughEveryLayerKind() {
        for (DenseFlowOptions.Mixing mixing : DenseFlowOptions.Mixing.values()) {
            Flow flow = randomised(Flow.dense(7).couplings(3).hidden(16).dataType(DataType.DOUBLE).mixing(mixing)
                    .actNorm(true).form(CouplingForm.FLD).activation(Activation.TANH), 4);
            INDArray x = gaussianBatch(9, 7, 5, DataType.DOUBLE);
            INDArray back = flow.decode(flow.encode(x));
            assertThat(back.sub(x).amaxNumber().doubleValue()).as("mixing %s", mixing).isLessThan(1e-10);
        }
    }

    @Test
    void networkGradientMatchesFiniteDifferencesOfTheLoss() {
        FlowNetwork net = randomised(Flow.dense(6).couplings(3).hidden(8).dataType(DataType.DOUBLE)
                .mixing(DenseFlowOptions.Mixing.INVERTIBLE_LINEAR).actNorm(true), 6).toNetwork();
        INDArray x = gaussianBatch(4, 6, 7, DataType.DOUBLE);
        net.lossAndGradient(x);
        INDArray analytic = net.gradients().dup();
        INDArray p = net.parameters();
        double h = 1e-6;
        for (long k = 0; k < net.parameterCount(); k += 7) {
            double v = p.getDouble(k);
            p.putScalar(k, v + h);
            double plus = net.lossAndGradient(x);
            p.putScalar(k, v - h);
            double minus = net.lossAndGradient(x);
            p.putScalar(k, v);
            double numeric = (plus - minus) / (2 * h);
            assertThat(analytic.getDouble(k)).as("dLoss/dθ[%d]", k)
                    .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void samplingIsSeededAndDecodesPriorDraws() {
        Flow flow = Flow.dense(4).couplings(2).hidden(8).dataType(DataType.DOUBLE).build();
        INDArray a = flow.sample(5, 42);
        INDArray b = flow.sample(5, 42);
        assertThat(a.equals(b)).isTrue();
        // The fresh flow is the identity: samples are the seeded N(0, 1) draws themselves.
        SplittableRandom r = new SplittableRandom(42);
        assertThat(a.getDouble(0, 0)).isEqualTo(r.nextGaussian());
        assertThat(flow.sample(5, 42, 0.5).getDouble(0, 0)).isCloseTo(0.5 * a.getDouble(0, 0), within(1e-15));
    }

    @Test
    void invalidOptionsNameTheOptionAndValue() {
        assertThatThrownBy(() -> Flow.dense(10).couplings(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("couplings").hasMessageContaining("0");
        assertThatThrownBy(() -> Flow.dense(10).hidden(-3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hiddenWidth").hasMessageContaining("-3");
        assertThatThrownBy(() -> Flow.dense(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension").hasMessageContaining("1");
        assertThatThrownBy(() -> Flow.dense(4).dataType(DataType.INT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataType").hasMessageContaining("INT");
    }

    @Test
    void wrongInputShapeIsAClearError() {
        Flow flow = Flow.dense(4).couplings(2).hidden(8).build();
        assertThatThrownBy(() -> flow.logProb(Nd4j.zeros(DataType.FLOAT, 3, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[N, 4]").hasMessageContaining("[3, 5]");
    }
}
