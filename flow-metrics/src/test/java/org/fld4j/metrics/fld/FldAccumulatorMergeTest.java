package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.fld4j.io.stream.BatchOptions;
import org.fld4j.io.stream.ImageBatchStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A set scored in parts, merged in any order, equals the set scored at once, bit for bit: the value, every
 * statistic, the interval and every image's log-likelihood. The parts are drawn at random (sizes, order, images
 * shuffled across parts, empty parts), merged as accumulators and as serialised states, with one reference flow
 * and with two.
 */
class FldAccumulatorMergeTest {

    static FldReference one;
    static FldReference two;
    static INDArray images;
    static List<String> names = new ArrayList<>();

    @BeforeAll
    static void train() {
        ImageSource real = ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(0, 500));
        Fld base = Fld.of(real).preset(ImagePreset.SMALL).maxEpochs(1).batchSize(32).timeBudget(Duration.ofMinutes(5))
                .seed(21);
        one = base.reference();
        two = base.referenceFlows(2).reference();
        try (ImageBatchStream s = new ImageBatchStream(FashionMnistSlice.test(), BatchOptions.of(300))) {
            images = s.next().images();
        }
        for (int i = 0; i < 300; i++) {
            names.add("test/" + i);
        }
    }

    @Test
    void anySplitMergesToTheWholeScoreBitForBit() throws Exception {
        for (FldReference reference : List.of(one, two)) {
            FldScore whole = reference.accumulator().add(images, names).result();
            SplittableRandom random = new SplittableRandom(reference.referenceFlows());
            for (int trial = 0; trial < 4; trial++) {
                List<FldAccumulatorState> parts = randomParts(reference, random);
                // Merged as states, after a round trip through Java serialisation, in a random order.
                FldAccumulator merged = reference.accumulator();
                for (FldAccumulatorState part : parts) {
                    merged.merge(roundTrip(part));
                }
                assertSame(whole, merged.result());
                // Merged as a tree of accumulators: (p0 + p1) + (p2 + (p3 + ...)).
                FldAccumulator left = reference.accumulator();
                FldAccumulator right = reference.accumulator();
                for (int p = 0; p < parts.size(); p++) {
                    (p < 2 ? left : right).merge(parts.get(parts.size() - 1 - p));
                }
                assertSame(whole, right.merge(left).result());
            }
        }
    }

    @Test
    void theMergedBootstrapReplicatesAreTheWholeSetsWhateverTheOrder() {
        double[] values = one.accumulator().add(images, names).state().values()[0];
        double[] reversed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        assertThat(one.bootstrapReplicates(reversed)).containsExactly(one.bootstrapReplicates(values));
    }

    @Test
    void partsOfAnotherReferenceAreRefused() {
        FldAccumulatorState fromTwo = two.accumulator().add(images.get(org.nd4j.linalg.indexing.NDArrayIndex
                .interval(0, 3)).dup(), names.subList(0, 3)).state();
        assertThatThrownBy(() -> one.accumulator().merge(fromTwo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same reference");
        FldAccumulator a = one.accumulator();
        assertThatThrownBy(() -> a.merge(a)).hasMessageContaining("itself");
    }

    /** 0 to 6 parts of random sizes (some empty) holding a random permutation of the images. */
    private static List<FldAccumulatorState> randomParts(FldReference reference, SplittableRandom random) {
        int n = (int) images.size(0);
        int[] order = DualFldTest.range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int partCount = 2 + random.nextInt(6);
        List<Integer> cuts = new ArrayList<>(List.of(0, n));
        for (int c = 0; c < partCount - 1; c++) {
            cuts.add(random.nextInt(4) == 0 ? cuts.get(random.nextInt(cuts.size())) : random.nextInt(n + 1));
        }
        cuts.sort(null);
        List<FldAccumulatorState> parts = new ArrayList<>();
        for (int p = 0; p + 1 < cuts.size(); p++) {
            int from = cuts.get(p);
            int to = cuts.get(p + 1);
            FldAccumulator part = reference.accumulator();
            // In batches of 1 to 40 images.
            for (int start = from; start < to; ) {
                int end = Math.min(to, start + 1 + random.nextInt(40));
                long[] rows = new long[end - start];
                List<String> batchNames = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    rows[i - start] = order[i];
                    batchNames.add(names.get(order[i]));
                }
                part.add(images.get(org.nd4j.linalg.indexing.NDArrayIndex.indices(rows)).dup(), batchNames);
                start = end;
            }
            parts.add(part.state());
        }
        java.util.Collections.shuffle(parts, new java.util.Random(random.nextLong()));
        return parts;
    }

    private static FldAccumulatorState roundTrip(FldAccumulatorState state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FldAccumulatorState) in.readObject();
        }
    }

    private static void assertSame(FldScore whole, FldScore merged) {
        assertThat(merged.value()).isEqualTo(whole.value());
        assertThat(merged.ratio()).isEqualTo(whole.ratio());
        assertThat(merged.bpdReal()).isEqualTo(whole.bpdReal());
        assertThat(merged.bpdGenerated()).isEqualTo(whole.bpdGenerated());
        assertThat(merged.interval()).isEqualTo(whole.interval());
        assertThat(merged.flowValues()).isEqualTo(whole.flowValues());
        assertThat(merged.generatedCount()).isEqualTo(whole.generatedCount());
        Map<String, Double> byName = new HashMap<>();
        for (ImageScore s : whole.perImage()) {
            byName.put(s.name(), s.logLikelihood());
        }
        assertThat(merged.perImage()).hasSize(byName.size());
        for (ImageScore s : merged.perImage()) {
            assertThat(s.logLikelihood()).as(s.name()).isEqualTo(byName.get(s.name()));
        }
    }
}
