package org.fld4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.transform.NoiseKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link RowSplitEvaluator}: a batch split over threads gives every sample the value the whole batch gives it on
 * one thread, noise included, and the replicas follow the network's parameters.
 */
class RowSplitEvaluatorTest {

    static Stream<Arguments> flows() {
        return Stream.of(
                Arguments.of("dense", Flow.dense(6).couplings(4).hidden(16)
                        .mixing(DenseFlowOptions.Mixing.INVERTIBLE_LINEAR).build()),
                Arguments.of("small, variational", Flow.image(1, 8, 8).preset(ImagePreset.SMALL)
                        .variationalDequantization(2, 8).build()),
                Arguments.of("fld-paper, uniform", Flow.image(1, 8, 8).preset(ImagePreset.FLD_PAPER)
                        .uniformDequantization().build()));
    }

    /** The network of {@code flow} with small random offsets on its parameters, so that every coupling acts. */
    private static FlowNetwork perturbed(Flow flow) {
        return ReleaseWorkArraysTest.perturbed(flow).toNetwork();
    }

    /** Standard normal vectors for a dense flow, pixels 0..255 for an image flow. */
    private static INDArray batch(long[] sampleShape, int n, long seed) {
        long[] shape = Tensors.batchShape(n, sampleShape);
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[Math.toIntExact(Tensors.sampleSize(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = shape.length == 4 ? r.nextInt(256) : r.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    /**
     * The value of sample {@code i} evaluated alone (a batch of one): what a split must reproduce, computed without
     * any split and without the other samples.
     */
    private static double[] oneByOne(FlowNetwork net, INDArray x, NoiseKey noise) {
        int n = Math.toIntExact(x.size(0));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = net.logProb(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i, i + 1)).dup(),
                    noise.rows(i, i + 1))[0];
        }
        return out;
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            // float32 flows: rows evaluated in batches of other sizes may round differently in the last bits.
            assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i],
                    org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void splitBatchesGiveEverySampleItsOwnValue(String name, Flow flow) {
        FlowNetwork net = perturbed(flow);
        INDArray x = batch(net.sampleShape(), 77, 3);
        NoiseKey byPosition = new NoiseKey(11, 1_000, 1);
        NoiseKey byContent = NoiseKey.forSamples(12, new SplittableRandom(4).longs(77).toArray(), 0);
        double[] alonePosition = oneByOne(net, x, byPosition);
        double[] aloneContent = oneByOne(net, x, byContent);
        double[] whole = net.logProb(x, byPosition);
        assertClose(whole, alonePosition);
        for (int workers : new int[] {2, 3}) {
            RowSplitEvaluator evaluator = new RowSplitEvaluator(net, workers);
            double[] split = evaluator.logProb(x, byPosition);
            assertClose(split, alonePosition);
            assertClose(evaluator.logProb(x, byContent), aloneContent);
            if (name.equals("dense")) {
                // The dense path evaluates each row with the same float operations in any batch: same bits.
                assertThat(split).as("%d workers", workers).containsExactly(whole);
            }
        }
    }

    @Test
    void stochasticSamplesKeepTheirNoiseAcrossTheSplit() {
        FlowNetwork net = perturbed(Flow.image(1, 8, 8).preset(ImagePreset.SMALL).variationalDequantization(2, 8)
                .build());
        INDArray x = batch(net.sampleShape(), 40, 8);
        RowSplitEvaluator evaluator = new RowSplitEvaluator(net, 2);
        double[] seed1 = evaluator.logProb(x, new NoiseKey(1, 0, 0));
        double[] seed2 = evaluator.logProb(x, new NoiseKey(2, 0, 0));
        // Another seed draws other noise for the second half too: the worker did not reuse the first key.
        for (int i = 20; i < 40; i++) {
            assertThat(seed2[i]).as("sample %d", i).isNotEqualTo(seed1[i]);
        }
        assertClose(seed2, oneByOne(net, x, new NoiseKey(2, 0, 0)));
    }

    @Test
    void replicasReadTheParametersAsTheyAreAtEachCall() {
        FlowNetwork net = perturbed(Flow.dense(6).couplings(4).hidden(16).build());
        INDArray x = batch(net.sampleShape(), 64, 9);
        RowSplitEvaluator evaluator = new RowSplitEvaluator(net, 2);
        double[] before = evaluator.logProb(x);
        net.parameters().muli(1.5);
        double[] after = evaluator.logProb(x);
        assertThat(after[63]).isNotEqualTo(before[63]);
        assertThat(after).containsExactly(oneByOne(net, x, new NoiseKey(FlowNetwork.DEFAULT_NOISE_SEED, 0, 0)));
    }

    @Test
    void aFlowScoresWithWorkersAsItDoesAlone() {
        Flow flow = Flow.of(perturbed(Flow.dense(5).couplings(4).hidden(12).build()));
        INDArray x = batch(flow.sampleShape(), 300, 10);
        EvaluationOptions options = EvaluationOptions.defaults().withBatchSize(128);
        double[] alone = flow.logProb(x, options);
        assertThat(flow.logProb(x, options.withWorkers(2))).containsExactly(alone);
        assertThat(flow.logProb(x, options.withWorkers(3))).containsExactly(alone);
        flow.releaseWorkArrays();
        assertThat(flow.logProb(x, options.withWorkers(2))).containsExactly(alone);
    }

    @Test
    void badArgumentsAreNamed() {
        FlowNetwork net = Flow.dense(4).couplings(2).hidden(8).build().toNetwork();
        assertThatThrownBy(() -> new RowSplitEvaluator(net, 0)).hasMessageContaining("workers must be >= 1, got 0");
        assertThatThrownBy(() -> EvaluationOptions.defaults().withWorkers(0))
                .hasMessageContaining("workers must be >= 1, got 0");
        assertThatThrownBy(() -> new RowSplitEvaluator(net, 2).logProb(Nd4j.zeros(64, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[64, 5]");
        FlowNetwork waiting = Flow.dense(4).couplings(2).hidden(8).actNorm(true).build().toNetwork();
        assertThat(waiting.needsDataInitialization()).isTrue();
        assertThatThrownBy(() -> new RowSplitEvaluator(waiting, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initializeFromData");
    }
}
