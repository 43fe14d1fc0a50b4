package org.fld4j.core.image;

import org.fld4j.core.ImageFlowBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ImageFlowTest {

    /** Counted on the official PyTorch code (SPEC §3). */
    @Test
    void fldPaperHas1943646ParametersAt3x256x256() {
        ImageFlowOptions o = ImagePreset.FLD_PAPER.options(3, 256, 256);
        long count = 0;
        for (var layer : ImageFlowBuilder.layers(o)) {
            for (var spec : layer.parameterSpecs()) {
                count += spec.length();
            }
        }
        assertThat(count).isEqualTo(1_943_646L);
    }

    /** The reference's count without variational dequantization: 45 c h + 66 h^2 + 16 h + 3 c per coupling. */
    @Test
    void uniformFldPaperMatchesTheReferenceCounts() {
        assertThat(Flow.image(1, 28, 28).uniformDequantization().build().parameterCount()).isEqualTo(1_639_742L);
        assertThat(Flow.image(3, 32, 32).uniformDequantization().build().parameterCount()).isEqualTo(1_864_634L);
    }

    @Test
    void shapesThatTheSqueezesCannotHandleAreRejected() {
        assertThatThrownBy(() -> Flow.image(1, 30, 28).build()).hasMessageContaining("height").hasMessageContaining("30");
    }

    /**
     * At initialisation every coupling is the identity, so bits/dim depends only on dequantization,
     * logit, split and prior. The PyTorch reference gives 20.14 on the first 512 Fashion-MNIST test
     * images and, with 5 seeds, 20.170-20.193 (mean 20.180) on the first 500 (the committed slice).
     */
    @Test
    void bitsPerDimAtInitialisationMatchesTheReference() {
        Flow flow = Flow.image(1, 28, 28).uniformDequantization().seed(1).build();
        INDArray test = SliceImages.test();
        double mean = 0;
        for (double b : flow.bitsPerDim(test, EvaluationOptions.defaults().withBatchSize(100))) {
            mean += b / test.size(0);
        }
        assertThat(mean).isCloseTo(20.180, within(0.03));
    }

    /** A flow with random (non-identity) couplings of the small preset, float64. */
    private static Flow perturbedSmallFlow(int c, int h, int w) {
        return perturbed(Flow.image(c, h, w).preset(ImagePreset.SMALL).dataType(DataType.DOUBLE).seed(3).build());
    }

    /** {@code flow} with Gaussian noise (sd 0.05) added to every parameter, so that no coupling is the identity. */
    private static Flow perturbed(Flow flow) {
        FlowNetwork net = flow.toNetwork();
        SplittableRandom r = new SplittableRandom(5);
        INDArray p = net.parameters();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, p.getDouble(i) + 0.05 * r.nextGaussian());
        }
        return Flow.of(net);
    }

    @Test
    void imagesSurviveEncodeAndDecodeExactly() {
        Flow flow = perturbedSmallFlow(1, 28, 28);
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 20)).castTo(DataType.DOUBLE);
        INDArray latents = flow.encode(images);
        assertThat(latents.shape()).containsExactly(20L, 784L);
        assertThat(flow.decode(latents)).isEqualTo(images);
    }

    @Test
    void samplesAreEightBitImages() {
        Flow flow = perturbedSmallFlow(3, 8, 8);
        INDArray samples = flow.sample(5, 11, 0.7);
        assertThat(samples.shape()).containsExactly(5L, 3L, 8L, 8L);
        assertThat(samples.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(samples.maxNumber().doubleValue()).isLessThanOrEqualTo(255);
        assertThat(Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Floor(samples.dup())))
                .isEqualTo(samples);
        assertThat(flow.sample(5, 11, 0.7)).isEqualTo(samples);
    }

    @Test
    void batchSizeDoesNotChangeLikelihoods() {
        Flow flow = perturbedSmallFlow(1, 28, 28);
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 23));
        double[] whole = flow.logProb(images, EvaluationOptions.defaults().withBatchSize(23));
        double[] pieces = flow.logProb(images, EvaluationOptions.defaults().withBatchSize(5));
        for (int i = 0; i < whole.length; i++) {
            assertThat(pieces[i]).isCloseTo(whole[i], within(1e-9 * Math.abs(whole[i])));
        }
        // Noise is keyed by content: scoring the set in two calls, the second in reverse order and with the
        // first image repeated, gives every image the value it has when the set is scored in one call.
        double[] head = flow.logProb(images.get(NDArrayIndex.interval(0, 10)), EvaluationOptions.defaults());
        int[] reversed = new int[14];
        for (int j = 0; j < 13; j++) {
            reversed[j] = 22 - j;
        }
        reversed[13] = 0;
        double[] tail = flow.logProb(images.get(NDArrayIndex.indices(java.util.Arrays.stream(reversed)
                .asLongStream().toArray())).dup(), EvaluationOptions.defaults());
        for (int i = 0; i < whole.length; i++) {
            double part = i < 10 ? head[i] : tail[22 - i];
            assertThat(part).isCloseTo(whole[i], within(1e-9 * Math.abs(whole[i])));
        }
        assertThat(tail[13]).isCloseTo(whole[0], within(1e-9 * Math.abs(whole[0])));
    }

    @Test
    void scoringDrawsTheNoiseOfEachImagesContentKey() {
        Flow flow = perturbedSmallFlow(1, 28, 28);
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 5)).castTo(DataType.FLOAT);
        double[] scored = flow.logProb(images, EvaluationOptions.defaults().withSeed(11));
        long[] keys = org.fld4j.core.transform.SampleKeys.contentKeys(images);
        double[] keyed = flow.toNetwork().logProb(images, org.fld4j.core.transform.NoiseKey.forSamples(11, keys, 0));
        double[] positional = flow.toNetwork().logProb(images, new org.fld4j.core.transform.NoiseKey(11, 0, 0));
        for (int i = 0; i < 5; i++) {
            assertThat(scored[i]).isCloseTo(keyed[i], within(1e-9 * Math.abs(keyed[i])));
            assertThat(scored[i]).isNotEqualTo(positional[i]);
        }
    }

    /**
     * While a network evaluates, its couplings share their work arrays; layer by layer outside the
     * network each uses its own. Both must give the same log-likelihoods (the same operations in the same
     * order), for uniform and for variational dequantization, with one and with three gated blocks per
     * network, and decoding must still invert encoding.
     */
    @Test
    void evaluationWithSharedWorkArraysMatchesLayerByLayerForward() {
        Flow uniform = perturbedSmallFlow(1, 28, 28);
        // fld-paper: variational dequantization and three gated blocks per network.
        Flow fldPaper = perturbed(Flow.image(1, 8, 8).dataType(DataType.DOUBLE).seed(6).build());
        for (Flow flow : java.util.List.of(uniform, fldPaper)) {
            long h = flow.sampleShape()[1];
            INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 7)).castTo(DataType.DOUBLE);
            if (h != 28) {
                images = images.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(10, 10 + h),
                        NDArrayIndex.interval(10, 10 + h)).dup();
            }
            FlowNetwork net = flow.toNetwork();
            org.fld4j.core.transform.NoiseKey key = new org.fld4j.core.transform.NoiseKey(9, 3, 0);
            double[] shared = net.logProb(images, key);
            double[] expected = layerByLayerLogProb(net, images, key);
            for (int i = 0; i < 7; i++) {
                assertThat(shared[i]).isCloseTo(expected[i], within(1e-10 * Math.abs(expected[i])));
            }
            assertThat(net.decode(net.encode(images))).isEqualTo(images);
        }
    }

    /**
     * Float32 on oneDNN: while a network evaluates, its 3x3 convolutions and the kernels around them work on NHWC
     * data; layer by layer (as in training) on NCHW data. The fld-paper architecture (variational dequantization,
     * three gated blocks, 16 to 64 channels, one to four channels at 7x7 after the squeezes) at 28x28 must give the
     * same log-likelihoods both ways, to float32 rounding: a transposed channel or pixel would move them by far more.
     */
    @Test
    void float32EvaluationOnNhwcDataMatchesTheNchwForward() {
        assertThat(org.fld4j.core.internal.backend.NativeBackend.oneDnnLoaded()).as("oneDNN natives in the test JVM")
                .isTrue();
        Flow flow = perturbed(Flow.image(1, 28, 28).dataType(DataType.FLOAT).seed(6).build());
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 5)).castTo(DataType.FLOAT);
        FlowNetwork net = flow.toNetwork();
        org.fld4j.core.transform.NoiseKey key = new org.fld4j.core.transform.NoiseKey(9, 3, 0);
        double[] evaluated = net.logProb(images, key);
        double[] expected = layerByLayerLogProb(net, images, key);
        for (int i = 0; i < 5; i++) {
            assertThat(evaluated[i]).isCloseTo(expected[i], within(1e-5 * Math.abs(expected[i])));
        }
    }

    /**
     * log p of each image from {@code net}'s layers called one by one outside the network (each with its own
     * work arrays, as in training), under the dequantization noise {@code key}: the standard Gaussian prior of
     * the last output, summed in double, plus the layers' log-determinants.
     */
    private static double[] layerByLayerLogProb(FlowNetwork net, INDArray images,
                                                org.fld4j.core.transform.NoiseKey key) {
        int n = (int) images.size(0);
        INDArray x = images;
        double[] logProb = new double[n];
        for (org.fld4j.core.transform.Transform layer : net.layers()) {
            if (layer instanceof org.fld4j.core.transform.StochasticTransform s) {
                s.useNoise(key);
            }
            org.fld4j.core.transform.Transformed r = layer.forward(x);
            for (int i = 0; i < n; i++) {
                logProb[i] += r.logDet().getDouble(i);
            }
            x = r.output();
        }
        INDArray z = x.reshape(n, -1).castTo(DataType.DOUBLE);
        for (int i = 0; i < n; i++) {
            double squares = z.getRow(i).mul(z.getRow(i)).sumNumber().doubleValue();
            logProb[i] += -0.5 * squares - 0.5 * z.size(1) * Math.log(2 * Math.PI);
        }
        return logProb;
    }

    @Test
    void importanceWeightedEvaluationAveragesDrawsInProbability() {
        Flow flow = perturbedSmallFlow(1, 28, 28);
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 6));
        EvaluationOptions one = EvaluationOptions.defaults().withSeed(4);
        double[] k3 = flow.logProb(images, one.withDequantizationSamples(3));
        // Independently: draws 0, 1, 2 are single-draw evaluations under the same seed and content keys.
        FlowNetwork net = flow.toNetwork();
        long[] keys = org.fld4j.core.transform.SampleKeys.contentKeys(images);
        for (int i = 0; i < 6; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] draws = new double[3];
            for (int k = 0; k < 3; k++) {
                draws[k] = net.logProb(images, org.fld4j.core.transform.NoiseKey.forSamples(4, keys, k))[i];
                max = Math.max(max, draws[k]);
            }
            double expected = max + Math.log((Math.exp(draws[0] - max) + Math.exp(draws[1] - max)
                    + Math.exp(draws[2] - max)) / 3);
            assertThat(k3[i]).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
            assertThat(draws[0]).isNotEqualTo(draws[1]);
        }
        assertThat(flow.logProb(images, one)).containsExactly(flow.logProb(images, one.withDequantizationSamples(1)));
    }

    @Test
    void glowLevelsSqueezeMixAndSplitAndRoundTripExactly() {
        ImageFlowOptions o = ImagePreset.GLOW.options(1, 8, 8).withStages(new int[] {2, 2}, new int[] {4, 4})
                .withDataType(DataType.DOUBLE).withSeed(2);
        Flow flow = ImageFlowBuilder.build(o);
        FlowNetwork net = flow.toNetwork();
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 16), NDArrayIndex.all(),
                NDArrayIndex.interval(10, 18), NDArrayIndex.interval(10, 18)).dup().castTo(DataType.DOUBLE);
        assertThat(net.needsDataInitialization()).isTrue();
        net.initializeFromData(images);
        assertThat(net.needsDataInitialization()).isFalse();
        Flow initialised = Flow.of(net);
        // dequantize, logit, [squeeze, 2 x (actnorm, 1x1 conv, coupling), split[squeeze, 2 x (...)]]
        assertThat(initialised.layerConfigs()).extracting(c -> c.type()).containsExactly("uniform-dequantization",
                "logit", "squeeze", "channel-actnorm", "invertible-1x1-conv", "image-coupling", "channel-actnorm",
                "invertible-1x1-conv", "image-coupling", "split");
        assertThat(initialised.decode(initialised.encode(images))).isEqualTo(images);
        for (double v : initialised.logProb(images)) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void anImageFlowSavesAndLoadsWithItsNestedSplit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Flow flow = Flow.image(1, 8, 8).preset(ImagePreset.SMALL).variationalDequantization(2, 4).seed(4).build();
        INDArray images = SliceImages.test().get(NDArrayIndex.interval(0, 5), NDArrayIndex.all(),
                NDArrayIndex.interval(10, 18), NDArrayIndex.interval(10, 18)).dup();
        java.nio.file.Path file = dir.resolve("flow.fld");
        flow.save(file);
        Flow loaded = Flow.load(file);
        assertThat(loaded.layerConfigs()).isEqualTo(flow.layerConfigs());
        assertThat(loaded.logProb(images)).containsExactly(flow.logProb(images));
    }

    @Test
    void theLogitAlphaReachesBothLogitsAndSurvivesSaving(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        Flow flow = Flow.image(1, 8, 8).preset(ImagePreset.SMALL).variationalDequantization(2, 4).logitAlpha(0.05)
                .seed(4).build();
        assertThat(flow.layerConfigs().stream().filter(c -> c.type().equals(Logit.TYPE))
                .map(c -> c.getDouble("alpha"))).containsExactly(0.05);
        assertThat(flow.layerConfigs().get(0).getDouble("alpha")).isEqualTo(0.05);
        assertThat(Flow.image(1, 8, 8).preset(ImagePreset.SMALL).build().layerConfigs().stream()
                .filter(c -> c.type().equals(Logit.TYPE)).map(c -> c.getDouble("alpha")))
                .containsExactly(Logit.DEFAULT_ALPHA);
        java.nio.file.Path file = dir.resolve("flow.fld");
        flow.save(file);
        assertThat(Flow.load(file).layerConfigs()).isEqualTo(flow.layerConfigs());
        assertThatThrownBy(() -> Flow.image(1, 8, 8).logitAlpha(1.0)).hasMessageContaining("logitAlpha")
                .hasMessageContaining("1.0");
    }
}
