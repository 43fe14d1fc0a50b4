package org.fld4j.core.conditioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.internal.kernel.Geometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two forms of {@link Conv2d} (libnd4j's native ops on NCHW views, and im2col with one matrix
 * product) give the same outputs and gradients, and both agree with a direct summation of the
 * convolution's definition at sampled positions.
 */
class Conv2dTest {

    private static INDArray random(DataType type, SplittableRandom r, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, r.nextDouble(-1, 1));
        }
        return a.castTo(type);
    }

    private record Pass(INDArray out, INDArray gradInput, INDArray gradWeight, INDArray gradBias) {
    }

    private static Pass run(boolean nativeOp, DataType type, int in, int out, int k, Geometry g) {
        SplittableRandom r = new SplittableRandom(5);
        INDArray weight = random(type, r, out, in, k, k);
        INDArray bias = random(type, r, out);
        INDArray input = random(type, r, in, g.pixels());
        INDArray gradOut = random(type, r, out, g.pixels());
        INDArray gradWeight = Nd4j.zeros(type, out, in, k, k).addi(0.5); // backward adds into what is there
        INDArray gradBias = Nd4j.zeros(type, out).addi(0.25);
        Conv2d conv = new Conv2d(in, out, k, new Scratch(type), nativeOp);
        conv.bind(List.of(weight, bias), List.of(gradWeight, gradBias), 0);
        INDArray output = Nd4j.create(type, out, g.pixels());
        conv.forward(input, g, output);
        INDArray gradInput = Nd4j.create(type, in, g.pixels());
        conv.backward(input, gradOut, g, gradInput);
        return new Pass(output, gradInput, gradWeight, gradBias);
    }

    @ParameterizedTest
    @CsvSource({"DOUBLE, 3, 4, 3", "FLOAT, 6, 5, 3", "FLOAT, 4, 8, 5"})
    void nativeAndMatrixProductFormsAgree(DataType type, int in, int out, int k) {
        Geometry g = new Geometry(3, 7, 6);
        Pass a = run(true, type, in, out, k, g);
        Pass b = run(false, type, in, out, k, g);
        double tol = type == DataType.DOUBLE ? 1e-12 : 2e-5;
        assertThat(maxDiff(a.out(), b.out())).isLessThan(tol);
        assertThat(maxDiff(a.gradInput(), b.gradInput())).isLessThan(tol);
        assertThat(maxDiff(a.gradWeight(), b.gradWeight())).isLessThan(tol * 10);
        assertThat(maxDiff(a.gradBias(), b.gradBias())).isLessThan(tol * 10);

        // Direct summation: out[o, (n, y, x)] = bias[o] + sum_{c, dy, dx} W[o, c, dy, dx] in[c, (n, y+dy-p, x+dx-p)]
        SplittableRandom r = new SplittableRandom(5);
        INDArray weight = random(type, r, out, in, k, k);
        INDArray bias = random(type, r, out);
        INDArray input = random(type, r, in, g.pixels());
        int p = k / 2;
        for (int[] at : new int[][] {{0, 0, 0, 0}, {1, out - 1, 6, 5}, {2, 1, 3, 2}}) {
            int n = at[0], o = at[1], y = at[2], x = at[3];
            double sum = bias.getDouble(o);
            for (int c = 0; c < in; c++) {
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        int yy = y + dy - p, xx = x + dx - p;
                        if (yy >= 0 && yy < g.height() && xx >= 0 && xx < g.width()) {
                            sum += weight.getDouble(o, c, dy, dx) * input.getDouble(c, (n * g.height() + yy) * g.width() + xx);
                        }
                    }
                }
            }
            assertThat(a.out().getDouble(o, (n * g.height() + y) * g.width() + x)).isCloseTo(sum, within(tol * 10));
        }
    }

    /**
     * A batch of more pixels than one native backward call covers is split by images (here 51 images of 32x32 in
     * two parts of 25 and 26): the input gradient of every image and the weight and bias gradients summed over the
     * parts still equal the matrix-product form's, which takes the whole batch in one product.
     */
    @ParameterizedTest
    @CsvSource({"DOUBLE, 3, 2", "FLOAT, 6, 5"})
    void backwardSplitByImagesAgreesWithTheMatrixProductForm(DataType type, int in, int out) {
        Geometry g = new Geometry(51, 32, 32);
        assertThat(g.pixels()).isGreaterThan(Conv2d.BACKWARD_PIXELS_PER_CALL).isLessThanOrEqualTo(2 * Conv2d.BACKWARD_PIXELS_PER_CALL);
        Pass a = run(true, type, in, out, 3, g);
        Pass b = run(false, type, in, out, 3, g);
        double tol = type == DataType.DOUBLE ? 1e-12 : 1e-5;
        assertThat(maxDiff(a.gradInput(), b.gradInput())).isLessThan(tol * maxAbs(b.gradInput()));
        assertThat(maxDiff(a.gradWeight(), b.gradWeight())).isLessThan(tol * maxAbs(b.gradWeight()));
        assertThat(maxDiff(a.gradBias(), b.gradBias())).isLessThan(tol * maxAbs(b.gradBias()));
    }

    private static double maxAbs(INDArray x) {
        return x.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
    }

    private static double maxDiff(INDArray x, INDArray y) {
        return x.castTo(DataType.DOUBLE).sub(y.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
