package org.fld4j.core.conditioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.fld4j.core.transform.ParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GatedConvNetTest {

    private static final int IN = 2;
    private static final int HIDDEN = 3;
    private static final int OUT = 4;
    private static final int BLOCKS = GatedConvNet.DEFAULT_BLOCKS;

    /** A network bound to one flat parameter vector and one flat gradient vector, as FlowNetwork does it. */
    private record Bound(GatedConvNet net, List<ParameterSpec> specs, INDArray params, INDArray grads) {

        static Bound create(DataType type, long seed) {
            GatedConvNet net = new GatedConvNet(IN, HIDDEN, OUT, BLOCKS, type);
            List<ParameterSpec> specs = net.parameterSpecs("net.");
            long total = specs.stream().mapToLong(ParameterSpec::length).sum();
            INDArray params = Nd4j.create(type, total);
            INDArray grads = Nd4j.create(type, total);
            List<INDArray> values = new ArrayList<>();
            List<INDArray> gradViews = new ArrayList<>();
            // Two leading placeholders check that bind honours its offset.
            values.add(null);
            values.add(null);
            gradViews.add(null);
            gradViews.add(null);
            long offset = 0;
            for (ParameterSpec spec : specs) {
                values.add(Nd4j.create(params.data(), spec.shape(), ArrayUtil.calcStrides(spec.shape()), offset, 'c'));
                gradViews.add(Nd4j.create(grads.data(), spec.shape(), ArrayUtil.calcStrides(spec.shape()), offset, 'c'));
                offset += spec.length();
            }
            net.bind(values, gradViews, 2);
            net.initialize(new SplittableRandom(seed));
            return new Bound(net, specs, params, grads);
        }

        /** Replaces every parameter, the zero-initialised output convolution included, by U(-0.5, 0.5). */
        Bound randomize(long seed) {
            params.assign(Nd4j.createFromArray(uniform(params.length(), seed)).castTo(params.dataType()));
            return this;
        }

        long offsetOf(int tensor) {
            long offset = 0;
            for (int i = 0; i < tensor; i++) {
                offset += specs.get(i).length();
            }
            return offset;
        }

        /** The parameter tensor as a flat double array in C order. */
        double[] tensor(int index) {
            long from = offsetOf(index);
            double[] out = new double[Math.toIntExact(specs.get(index).length())];
            for (int i = 0; i < out.length; i++) {
                out[i] = params.getDouble(from + i);
            }
            return out;
        }
    }

    private static double[] uniform(long n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-0.5, 0.5);
        }
        return v;
    }

    private static INDArray randomTensor(DataType type, long seed, long... shape) {
        double[] v = uniform(ArrayUtil.prodLong(shape), seed);
        for (int i = 0; i < v.length; i++) {
            v[i] *= 4;
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(type);
    }

    private static double weightedSum(INDArray out, INDArray weights) {
        return out.mul(weights).sumNumber().doubleValue();
    }

    @Test
    void parameterCountMatchesSpecsAndTheReferenceFormula() {
        for (int[] c : new int[][] {{2, 3, 4, 3}, {1, 32, 2, 3}, {4, 48, 8, 3}, {8, 64, 16, 3}, {3, 16, 6, 1}, {5, 7, 2, 0}}) {
            GatedConvNet net = new GatedConvNet(c[0], c[1], c[2], c[3], DataType.DOUBLE);
            List<ParameterSpec> specs = net.parameterSpecs("p.");
            long inC = c[0];
            long ch = c[1];
            long outC = c[2];
            long blocks = c[3];
            long formula = 9 * inC * ch + ch + blocks * (22 * ch * ch + 5 * ch) + 18 * ch * outC + outC;
            assertThat(specs.stream().mapToLong(ParameterSpec::length).sum()).isEqualTo(formula);
            assertThat(GatedConvNet.parameterCount(c[0], c[1], c[2], c[3])).isEqualTo(formula);
            assertThat(net.parameterTensorCount()).isEqualTo(specs.size());
            assertThat(specs.stream().map(ParameterSpec::name).distinct().count()).isEqualTo(specs.size());
        }
        // peers/README.md, per coupling with out = 2c: 45 c h + 66 h^2 + 16 h + 3 c, of which c is the
        // coupling's own scale parameter.
        for (int c : new int[] {1, 3, 4, 12}) {
            for (int h : new int[] {16, 32, 48, 64}) {
                assertThat(GatedConvNet.parameterCount(c, h, 2 * c, 3) + c)
                        .isEqualTo(45L * c * h + 66L * h * h + 16L * h + 3L * c);
            }
        }
    }

    @Test
    void freshNetworkOutputsExactZeros() {
        Bound b = Bound.create(DataType.DOUBLE, 1);
        INDArray out = b.net().forward(randomTensor(DataType.DOUBLE, 2, 2, IN, 4, 4));
        assertThat(out.shape()).containsExactly(2, OUT, 4, 4);
        assertThat(out.amaxNumber().doubleValue()).isZero();
        assertThat(b.net().lastOutput()).isSameAs(out);
    }

    @Test
    void initialisationFollowsTheSeedAndPytorchBounds() {
        Bound a = Bound.create(DataType.DOUBLE, 7);
        Bound same = Bound.create(DataType.DOUBLE, 7);
        Bound other = Bound.create(DataType.DOUBLE, 8);
        assertThat(a.params()).isEqualTo(same.params());
        assertThat(a.params()).isNotEqualTo(other.params());
        int last = a.specs().size() - 2;
        for (int t = 0; t < a.specs().size(); t++) {
            ParameterSpec spec = a.specs().get(t);
            double[] v = a.tensor(t);
            if (t >= last) {
                assertThat(v).containsOnly(0.0);
            } else if (spec.name().endsWith("gamma")) {
                assertThat(v).containsOnly(1.0);
            } else if (spec.name().endsWith("beta")) {
                assertThat(v).containsOnly(0.0);
            } else {
                long[] w = a.specs().get(spec.name().endsWith("bias") ? t - 1 : t).shape();
                double bound = 1.0 / Math.sqrt(w[1] * w[2] * w[3]);
                double largest = java.util.Arrays.stream(v).map(Math::abs).max().orElseThrow();
                assertThat(largest).as(spec.name()).isLessThanOrEqualTo(bound).isGreaterThan(bound / 2);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4, 4", "3, 5", "1, 1"})
    void forwardMatchesANaiveImplementation(int height, int width) {
        Bound b = Bound.create(DataType.DOUBLE, 3).randomize(4);
        INDArray x = randomTensor(DataType.DOUBLE, 5, 2, IN, height, width);
        INDArray copy = x.dup();
        double[] actual = b.net().forward(x).dup().data().asDouble();
        double[] expected = Naive.forward(b, x.data().asDouble(), 2, height, width);
        assertThat(x).isEqualTo(copy);
        assertThat(actual).hasSize(expected.length);
        double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        assertThat(scale).isGreaterThan(0.1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-12 * scale));
        }
    }

    @Test
    void float32AgreesWithFloat64() {
        Bound d = Bound.create(DataType.DOUBLE, 3).randomize(4);
        Bound f = Bound.create(DataType.FLOAT, 3);
        f.params().assign(d.params().castTo(DataType.FLOAT));
        INDArray x = randomTensor(DataType.DOUBLE, 5, 2, IN, 4, 4);
        INDArray expected = d.net().forward(x);
        INDArray actual = f.net().forward(x.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
        double scale = expected.amaxNumber().doubleValue();
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5 * scale);
    }

    /**
     * A random network, input and loss weights R, with the gradients of the loss sum(forward(x) R)
     * from one backward, starting from zero gradients.
     */
    private record Pass(Bound b, INDArray x, INDArray weights, INDArray gradInput, INDArray gradParams) {

        static Pass run(long seed) {
            Bound b = Bound.create(DataType.DOUBLE, seed).randomize(seed + 1);
            INDArray x = randomTensor(DataType.DOUBLE, seed + 2, 2, IN, 4, 4);
            INDArray weights = randomTensor(DataType.DOUBLE, seed + 3, 2, OUT, 4, 4);
            b.net().forward(x);
            b.grads().assign(0);
            INDArray gradInput = b.net().backward(weights).dup();
            return new Pass(b, x, weights, gradInput, b.grads().dup());
        }

        double loss() {
            return weightedSum(b.net().forward(x), weights);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Pass pass = Pass.run(11);
        Bound b = pass.b();
        INDArray x = pass.x();
        DoubleSupplier loss = pass::loss;
        for (long i = 0; i < x.length(); i++) {
            assertClose(pass.gradInput().getDouble(i), centralDifference(x, i, loss), "input " + i);
        }
        SplittableRandom pick = new SplittableRandom(15);
        for (int t = 0; t < b.specs().size(); t++) {
            long length = b.specs().get(t).length();
            for (int k = 0; k < Math.min(4, length); k++) {
                long i = b.offsetOf(t) + pick.nextLong(length);
                assertClose(pass.gradParams().getDouble(i), centralDifference(b.params(), i, loss), b.specs().get(t).name());
            }
        }
    }

    /** (loss(v + h) - loss(v - h)) / 2h for entry {@code i} of {@code target}, restored afterwards. */
    private static double centralDifference(INDArray target, long i, DoubleSupplier loss) {
        double h = 1e-5;
        double v = target.getDouble(i);
        target.putScalar(i, v + h);
        double plus = loss.getAsDouble();
        target.putScalar(i, v - h);
        double minus = loss.getAsDouble();
        target.putScalar(i, v);
        return (plus - minus) / (2 * h);
    }

    private static void assertClose(double analytic, double numeric, String what) {
        double tolerance = 1e-6 * Math.max(Math.abs(analytic), Math.abs(numeric)) + 1e-9;
        assertThat(analytic).as(what).isCloseTo(numeric, within(tolerance));
    }

    @Test
    void backwardAddsIntoGradientsAndUsesTheForwardOfItsShape() {
        Pass pass = Pass.run(21);
        GatedConvNet net = pass.b().net();
        // A forward of another batch size in between, or the caller reusing its input array, must not
        // disturb the pending backward.
        net.forward(pass.x());
        pass.x().addi(1.0);
        net.forward(randomTensor(DataType.DOUBLE, 25, 3, IN, 4, 4));
        INDArray again = net.backward(pass.weights());
        assertThat(again).isEqualTo(pass.gradInput());
        assertThat(pass.b().grads()).isEqualTo(pass.gradParams().mul(2));
        assertThatThrownBy(() -> net.backward(randomTensor(DataType.DOUBLE, 26, 2, OUT, 4, 5)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> net.forward(randomTensor(DataType.DOUBLE, 27, 2, IN + 1, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A release frees the activations but not the parameters; the network then has no forward pass to
     * back-propagate through, and a new one gives the same bits as before.
     */
    @Test
    void releaseFreesTheActivationsAndBackwardThenNeedsANewForward() {
        Pass pass = Pass.run(31);
        GatedConvNet net = pass.b().net();
        INDArray out = net.forward(pass.x());
        net.releaseWorkArrays();
        assertThat(out.wasClosed()).isTrue();
        assertThat(pass.b().params().wasClosed()).isFalse();
        assertThatThrownBy(() -> net.backward(pass.weights())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(net::lastOutput).isInstanceOf(IllegalStateException.class);
        net.forward(pass.x());
        pass.b().grads().assign(0);
        assertThat(net.backward(pass.weights()).dup().data().asDouble()).containsExactly(pass.gradInput().data().asDouble());
        assertThat(pass.b().grads().toDoubleVector()).containsExactly(pass.gradParams().toDoubleVector());
    }

    /** The same network in plain loops over double arrays (NCHW, C order), for checking the forward pass. */
    private static final class Naive {

        static double[] forward(Bound b, double[] x, int n, int height, int width) {
            int t = 0;
            double[] h = conv(x, n, IN, height, width, b.tensor(t), b.tensor(t + 1), HIDDEN, 3);
            t += 2;
            for (int block = 0; block < BLOCKS; block++) {
                double[] e1 = concatElu(h, n, HIDDEN, height, width);
                double[] c1 = conv(e1, n, 2 * HIDDEN, height, width, b.tensor(t), b.tensor(t + 1), HIDDEN, 3);
                double[] e2 = concatElu(c1, n, HIDDEN, height, width);
                double[] c2 = conv(e2, n, 2 * HIDDEN, height, width, b.tensor(t + 2), b.tensor(t + 3), 2 * HIDDEN, 1);
                double[] gated = new double[h.length];
                int plane = height * width;
                for (int s = 0; s < n; s++) {
                    for (int c = 0; c < HIDDEN; c++) {
                        for (int p = 0; p < plane; p++) {
                            double val = c2[(s * 2 * HIDDEN + c) * plane + p];
                            double gate = c2[(s * 2 * HIDDEN + HIDDEN + c) * plane + p];
                            int i = (s * HIDDEN + c) * plane + p;
                            gated[i] = h[i] + val / (1 + Math.exp(-gate));
                        }
                    }
                }
                h = layerNorm(gated, n, HIDDEN, plane, b.tensor(t + 4), b.tensor(t + 5));
                t += 6;
            }
            double[] e = concatElu(h, n, HIDDEN, height, width);
            return conv(e, n, 2 * HIDDEN, height, width, b.tensor(t), b.tensor(t + 1), OUT, 3);
        }

        static double[] conv(double[] x, int n, int cin, int height, int width, double[] w, double[] bias, int cout, int k) {
            double[] out = new double[n * cout * height * width];
            int pad = k / 2;
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < cout; o++) {
                    for (int i = 0; i < height; i++) {
                        for (int j = 0; j < width; j++) {
                            double sum = bias[o];
                            for (int c = 0; c < cin; c++) {
                                for (int di = 0; di < k; di++) {
                                    for (int dj = 0; dj < k; dj++) {
                                        int ii = i + di - pad;
                                        int jj = j + dj - pad;
                                        if (ii >= 0 && ii < height && jj >= 0 && jj < width) {
                                            sum += w[((o * cin + c) * k + di) * k + dj]
                                                    * x[((s * cin + c) * height + ii) * width + jj];
                                        }
                                    }
                                }
                            }
                            out[((s * cout + o) * height + i) * width + j] = sum;
                        }
                    }
                }
            }
            return out;
        }

        static double elu(double v) {
            return v > 0 ? v : Math.exp(v) - 1;
        }

        static double[] concatElu(double[] x, int n, int c, int height, int width) {
            int block = c * height * width;
            double[] out = new double[2 * x.length];
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < block; i++) {
                    out[2 * s * block + i] = elu(x[s * block + i]);
                    out[2 * s * block + block + i] = elu(-x[s * block + i]);
                }
            }
            return out;
        }

        static double[] layerNorm(double[] x, int n, int c, int plane, double[] gamma, double[] beta) {
            double[] out = new double[x.length];
            for (int s = 0; s < n; s++) {
                for (int p = 0; p < plane; p++) {
                    double mean = 0;
                    for (int ch = 0; ch < c; ch++) {
                        mean += x[(s * c + ch) * plane + p];
                    }
                    mean /= c;
                    double var = 0;
                    for (int ch = 0; ch < c; ch++) {
                        double d = x[(s * c + ch) * plane + p] - mean;
                        var += d * d;
                    }
                    var /= c;
                    for (int ch = 0; ch < c; ch++) {
                        int i = (s * c + ch) * plane + p;
                        out[i] = (x[i] - mean) / Math.sqrt(var + 1e-5) * gamma[ch] + beta[ch];
                    }
                }
            }
            return out;
        }
    }
}
