package org.fld4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Flow#releaseWorkArrays()} on whole flows: a dense one and the image presets with both
 * dequantizations. Released flows give the same bits as before and train on as if nothing happened.
 */
class ReleaseWorkArraysTest {

    static Stream<Arguments> flows() {
        return Stream.of(
                Arguments.of("dense", Flow.dense(6).couplings(4).hidden(16).actNorm(true)
                        .mixing(DenseFlowOptions.Mixing.INVERTIBLE_LINEAR).build()),
                Arguments.of("small, uniform", Flow.image(1, 8, 8).preset(ImagePreset.SMALL).build()),
                Arguments.of("small, variational", Flow.image(1, 8, 8).preset(ImagePreset.SMALL)
                        .variationalDequantization(2, 8).build()),
                Arguments.of("fld-paper, variational", Flow.image(1, 8, 8).preset(ImagePreset.FLD_PAPER).build()),
                Arguments.of("fld-paper, uniform", Flow.image(1, 8, 8).preset(ImagePreset.FLD_PAPER)
                        .uniformDequantization().build()));
    }

    /** The flow with small random offsets on its parameters, so that every coupling does something. */
    static Flow perturbed(Flow flow) {
        FlowNetwork net = flow.toNetwork();
        SplittableRandom r = new SplittableRandom(5);
        double[] noise = new double[Math.toIntExact(net.parameters().length())];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0.02 * r.nextGaussian();
        }
        net.parameters().addi(Nd4j.createFromArray(noise).castTo(net.dataType()));
        return Flow.of(net);
    }

    /** Standard normal vectors for a dense flow, pixels 0..255 for an image flow. */
    private static INDArray batch(Flow flow, int n, long seed) {
        long[] shape = Tensors.batchShape(n, flow.sampleShape());
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(Tensors.sampleSize(shape))];
        boolean image = shape.length == 4;
        for (int i = 0; i < v.length; i++) {
            v[i] = image ? r.nextInt(256) : r.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(flow.dataType());
    }

    /**
     * Equal arrays, compared without AssertJ's element-wise diff (quadratic in the length, far too slow
     * for a million parameters when they differ).
     */
    private static void assertSameBits(double[] actual, double[] expected, String what) {
        int differing = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(actual[i]) != Double.doubleToLongBits(expected[i])) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differing).as("%s: values that differ, the first at %d: %s instead of %s", what, first,
                first < 0 ? "" : actual[first], first < 0 ? "" : expected[first]).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void logProbIsBitIdenticalAfterARelease(String name, Flow fresh) {
        Flow flow = perturbed(fresh);
        INDArray x = batch(flow, 5, 1);
        EvaluationOptions options = EvaluationOptions.defaults().withBatchSize(3).withSeed(2);
        double[] before = flow.logProb(x, options);
        assertThat(Arrays.stream(before).allMatch(Double::isFinite)).isTrue();
        INDArray latent = flow.encode(x);
        double[] decoded = flow.decode(latent).ravel().toDoubleVector();
        flow.releaseWorkArrays();
        assertThat(flow.logProb(x, options)).containsExactly(before);
        // What the flow returned is a copy, not one of the freed arrays.
        assertThat(latent.wasClosed()).isFalse();
        assertThat(flow.encode(x).ravel().toDoubleVector()).containsExactly(latent.ravel().toDoubleVector());
        assertThat(flow.decode(latent).ravel().toDoubleVector()).containsExactly(decoded);
        flow.releaseWorkArrays();
        flow.releaseWorkArrays();
        assertThat(flow.logProb(x, options)).containsExactly(before);
    }

    /** Training steps give the same parameters whether or not the work arrays are released between them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void trainingAfterAReleaseTakesTheSameSteps(String name, Flow fresh) {
        Flow flow = perturbed(fresh);
        INDArray x = batch(flow, 4, 3);
        FlowNetwork kept = flow.toNetwork();
        FlowNetwork released = flow.toNetwork();
        TrainerOptions options = TrainerOptions.builder().adam(1e-3).gradientClipNorm(1.0).build();
        TrainingStep keptStep = new TrainingStep(kept, options);
        TrainingStep releasedStep = new TrainingStep(released, options);
        for (FlowNetwork net : new FlowNetwork[] {kept, released}) {
            if (net.needsDataInitialization()) {
                net.initializeFromData(x);
            }
        }
        for (int step = 0; step < 3; step++) {
            released.releaseWorkArrays();
            assertThat(keptStep.step(x, 1e-3).applied()).isTrue();
            assertThat(releasedStep.step(x, 1e-3).applied()).isTrue();
        }
        assertSameBits(released.parameters().toDoubleVector(), kept.parameters().toDoubleVector(), name);
        assertThat(Arrays.equals(released.parameters().toDoubleVector(), flow.parameters().toDoubleVector())).isFalse();
    }
}
