package org.fld4j.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.LayerRegistry;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.memory.WorkArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract every layer keeps (see {@link Transform}), checked on random inputs and random
 * parameters in float64 against brute-force numerics: finite-difference Jacobians for the
 * log-determinant and finite-difference gradients for backward. Each layer's test extends this.
 */
public abstract class TransformContractTest {

    /** A fresh layer of the given type (its parameters are then randomised by the test). */
    protected abstract Transform newLayer(DataType type);

    /** Spread of the random parameter values; small enough to keep exp(s) tame. */
    protected double parameterScale() {
        return 0.3;
    }

    /** Random inputs for a batch of {@code n}; override for layers with a restricted domain. */
    protected INDArray input(long n, long[] sampleShape, DataType type, SplittableRandom random) {
        long[] shape = Tensors.batchShape(n, sampleShape);
        double[] v = new double[Math.toIntExact(Tensors.sampleSize(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(type);
    }

    /** A layer bound into a one-layer network with random parameters. */
    protected final FlowNetwork network(DataType type, long seed) {
        Transform layer = newLayer(type);
        FlowNetwork net = FlowNetwork.create(layer.inputShape(), type, List.of(layer), seed);
        if (net.parameterCount() > 0) {
            SplittableRandom r = new SplittableRandom(seed + 1);
            double[] p = new double[Math.toIntExact(net.parameterCount())];
            for (int i = 0; i < p.length; i++) {
                p[i] = parameterScale() * r.nextGaussian();
            }
            net.parameters().assign(Nd4j.createFromArray(p).castTo(type));
        }
        return net;
    }

    private static Transform layerOf(FlowNetwork net) {
        return net.layers().get(0);
    }

    private static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void inverseUndoesForwardInFloat64() {
        FlowNetwork net = network(DataType.DOUBLE, 11);
        Transform layer = layerOf(net);
        INDArray x = input(7, layer.inputShape(), DataType.DOUBLE, new SplittableRandom(3));
        INDArray y = layer.forward(x).output().dup();
        INDArray back = layer.inverse(y).output();
        assertThat(maxAbsDiff(back, x)).isLessThan(1e-10);
    }

    @Test
    void inverseUndoesForwardInFloat32() {
        FlowNetwork net = network(DataType.FLOAT, 11);
        Transform layer = layerOf(net);
        INDArray x = input(7, layer.inputShape(), DataType.FLOAT, new SplittableRandom(3));
        INDArray y = layer.forward(x).output().dup();
        INDArray back = layer.inverse(y).output();
        assertThat(maxAbsDiff(back, x)).isLessThan(1e-5);
    }

    @Test
    void forwardDoesNotModifyItsInput() {
        Transform layer = layerOf(network(DataType.DOUBLE, 5));
        INDArray x = input(4, layer.inputShape(), DataType.DOUBLE, new SplittableRandom(8));
        INDArray copy = x.dup();
        layer.forward(x);
        layer.backward(layer.forward(x).output().dup(), Nd4j.ones(DataType.DOUBLE, 4));
        assertThat(maxAbsDiff(x, copy)).isZero();
    }

    @Test
    void logDetIsPerSampleAndInverseLogDetCancels() {
        Transform layer = layerOf(network(DataType.DOUBLE, 12));
        INDArray x = input(5, layer.inputShape(), DataType.DOUBLE, new SplittableRandom(4));
        Transformed fwd = layer.forward(x);
        INDArray y = fwd.output().dup();
        INDArray forwardLogDet = fwd.logDet().dup();
        assertThat(forwardLogDet.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(forwardLogDet.shape()).containsExactly(5L);
        INDArray inverseLogDet = layer.inverse(y).logDet();
        assertThat(maxAbsDiff(forwardLogDet.add(inverseLogDet), Nd4j.zeros(DataType.DOUBLE, 5))).isLessThan(1e-10);
    }

    @Test
    void logDetMatchesBruteForceJacobian() {
        Transform layer = layerOf(network(DataType.DOUBLE, 13));
        long[] inShape = layer.inputShape();
        int d = Math.toIntExact(Tensors.sampleSize(inShape));
        int dOut = Math.toIntExact(Tensors.sampleSize(layer.outputShape()));
        assertThat(d).as("brute-force Jacobians need a small layer").isLessThanOrEqualTo(32);
        assertThat(dOut).isEqualTo(d);
        INDArray x = input(3, inShape, DataType.DOUBLE, new SplittableRandom(5));
        INDArray logDet = layer.forward(x).logDet().dup();
        double h = 1e-5;
        for (int sample = 0; sample < 3; sample++) {
            double[] base = x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(sample)).dup().reshape(d).toDoubleVector();
            // Rows 2j and 2j+1 are x + h e_j and x - h e_j.
            double[][] perturbed = new double[2 * d][];
            for (int j = 0; j < d; j++) {
                perturbed[2 * j] = base.clone();
                perturbed[2 * j][j] += h;
                perturbed[2 * j + 1] = base.clone();
                perturbed[2 * j + 1][j] -= h;
            }
            INDArray batch = Nd4j.createFromArray(perturbed).reshape(Tensors.batchShape(2L * d, inShape));
            double[][] out = layer.forward(batch).output().reshape(2L * d, d).toDoubleMatrix();
            double[][] jacobian = new double[d][d];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < d; i++) {
                    jacobian[i][j] = (out[2 * j][i] - out[2 * j + 1][i]) / (2 * h);
                }
            }
            double det = new LUDecomposition(new Array2DRowRealMatrix(jacobian, false)).getDeterminant();
            double bruteForce = Math.log(Math.abs(det));
            double analytic = logDet.getDouble(sample);
            assertThat(analytic).as("log|det J| of sample %d", sample)
                    .isCloseTo(bruteForce, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(bruteForce))));
        }
    }

    /** L = sum(c * y) + sum(w * logDet) for fixed random c, w; its gradient is backward(c, w). */
    private static double probeLoss(Transform layer, INDArray x, INDArray c, INDArray w) {
        Transformed r = layer.forward(x);
        return r.output().mul(c).sumNumber().doubleValue() + r.logDet().mul(w).sumNumber().doubleValue();
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        FlowNetwork net = network(DataType.DOUBLE, 14);
        Transform layer = layerOf(net);
        SplittableRandom random = new SplittableRandom(6);
        int n = 3;
        INDArray x = input(n, layer.inputShape(), DataType.DOUBLE, random);
        INDArray c = input(n, layer.outputShape(), DataType.DOUBLE, random);
        INDArray w = input(n, new long[0], DataType.DOUBLE, random).reshape(n);

        net.gradients().assign(0);
        layer.forward(x);
        INDArray gradX = layer.backward(c, w).dup();
        INDArray gradParams = net.gradients().dup();

        double h = 1e-6;
        INDArray flatX = x.reshape(x.length());
        for (long i = 0; i < x.length(); i++) {
            double v = flatX.getDouble(i);
            flatX.putScalar(i, v + h);
            double plus = probeLoss(layer, x, c, w);
            flatX.putScalar(i, v - h);
            double minus = probeLoss(layer, x, c, w);
            flatX.putScalar(i, v);
            double numeric = (plus - minus) / (2 * h);
            assertThat(gradX.reshape(x.length()).getDouble(i)).as("dL/dx[%d]", i)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(numeric))));
        }
        INDArray params = net.parameters();
        long count = net.parameterCount();
        long step = Math.max(1, count / 400);
        for (long k = 0; k < count; k += step) {
            double v = params.getDouble(k);
            params.putScalar(k, v + h);
            double plus = probeLoss(layer, x, c, w);
            params.putScalar(k, v - h);
            double minus = probeLoss(layer, x, c, w);
            params.putScalar(k, v);
            double numeric = (plus - minus) / (2 * h);
            assertThat(gradParams.getDouble(k)).as("dL/dθ[%d]", k)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void everyParameterTensorGetsAGradient() {
        FlowNetwork net = network(DataType.DOUBLE, 15);
        Transform layer = layerOf(net);
        SplittableRandom random = new SplittableRandom(7);
        INDArray x = input(4, layer.inputShape(), DataType.DOUBLE, random);
        INDArray c = input(4, layer.outputShape(), DataType.DOUBLE, random);
        net.gradients().assign(0);
        layer.forward(x);
        layer.backward(c, Nd4j.ones(DataType.DOUBLE, 4));
        long offset = 0;
        for (ParameterSpec spec : layer.parameterSpecs()) {
            INDArray g = net.gradients().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + spec.length()));
            assertThat(g.amaxNumber().doubleValue()).as("gradient of %s", spec).isGreaterThan(0);
            offset += spec.length();
        }
    }

    @Test
    void configRebuildsAnEquivalentLayer() {
        FlowNetwork net = network(DataType.DOUBLE, 16);
        FlowNetwork rebuilt = FlowNetwork.restore(net.sampleShape(), DataType.DOUBLE, net.layerConfigs(), net.parameters());
        INDArray x = input(3, net.sampleShape(), DataType.DOUBLE, new SplittableRandom(9));
        assertThat(rebuilt.logProb(x)).containsExactly(net.logProb(x));
        assertThat(LayerRegistry.create(layerOf(net).config()).config()).isEqualTo(layerOf(net).config());
    }

    /** Forward, backward and inverse of one batch: every array they return, as plain numbers. */
    private static List<double[]> passes(FlowNetwork net, INDArray x, INDArray c, INDArray w) {
        Transform layer = layerOf(net);
        net.gradients().assign(0);
        Transformed fwd = layer.forward(x);
        double[] y = fwd.output().dup().data().asDouble();
        double[] logDet = fwd.logDet().toDoubleVector();
        double[] gradX = layer.backward(c, w).dup().data().asDouble();
        double[] gradParams = net.gradients().toDoubleVector();
        double[] back = layer.inverse(fwd.output().dup()).output().dup().data().asDouble();
        return List.of(y, logDet, gradX, gradParams, back);
    }

    /** Released work arrays come back on the next pass, which gives the same bits as before. */
    @Test
    void releasingWorkArraysChangesNoResult() {
        FlowNetwork net = network(DataType.FLOAT, 17);
        Transform layer = layerOf(net);
        assertThat(layer).isInstanceOf(WorkArrays.class);
        SplittableRandom random = new SplittableRandom(10);
        INDArray x = input(4, layer.inputShape(), DataType.FLOAT, random);
        INDArray c = input(4, layer.outputShape(), DataType.FLOAT, random);
        INDArray w = input(4, new long[0], DataType.DOUBLE, random).reshape(4);
        List<double[]> before = passes(net, x, c, w);
        net.releaseWorkArrays();
        List<double[]> after = passes(net, x, c, w);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("result %d", i).containsExactly(before.get(i));
        }
    }

    /** Release frees what a pass left in the layer's buffers, never the parameters or their gradients. */
    @Test
    void releaseFreesTheLayersBuffersButNotItsParameters() {
        FlowNetwork net = network(DataType.FLOAT, 18);
        Transform layer = layerOf(net);
        Transformed fwd = layer.forward(input(3, layer.inputShape(), DataType.FLOAT, new SplittableRandom(11)));
        net.releaseWorkArrays();
        assertThat(fwd.output().wasClosed()).isTrue();
        assertThat(fwd.logDet().wasClosed()).isTrue();
        assertThat(net.parameters().wasClosed()).isFalse();
        assertThat(net.gradients().wasClosed()).isFalse();
        net.releaseWorkArrays();
    }
}
