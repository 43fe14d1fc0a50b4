package org.fld4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.core.Flow;
import org.fld4j.core.data.RandomGaussian;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TrainerTest {

    @Test
    void learnsAFullCovarianceGaussianToWithinAFifthOfANat() {
        RandomGaussian p = RandomGaussian.withSeed(10, 2024);
        INDArray train = p.sample(20_000, 1, DataType.FLOAT);
        INDArray heldOut = p.sample(10_000, 2, DataType.FLOAT);
        Flow flow = Flow.dense(10).couplings(8).hidden(64).seed(3).build();
        TrainerOptions options = TrainerOptions.builder().adam(2e-3).schedule(LearningRateSchedule.COSINE)
                .warmupSteps(50).batchSize(256).maxEpochs(25).timeBudget(Duration.ofSeconds(50))
                .validationFraction(0.1).patience(5).seed(4).build();
        TrainingResult result = new Trainer(options).fit(flow, train);
        double model = result.flow().meanLogProb(heldOut);
        double analytic = -p.entropy();
        assertThat(model).as("held-out mean log p_theta vs analytic %s", analytic).isCloseTo(analytic, within(0.2));
        assertThat(result.history().epochs()).isNotEmpty();
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        RandomGaussian p = RandomGaussian.withSeed(4, 1);
        INDArray data = p.sample(1000, 1, DataType.FLOAT);
        TrainerOptions options = TrainerOptions.builder().batchSize(64).maxEpochs(2).seed(9).build();
        Flow flow = Flow.dense(4).couplings(4).hidden(16).actNorm(true).build();
        Flow a = new Trainer(options).fit(flow, data).flow();
        Flow b = new Trainer(options).fit(flow, data).flow();
        assertThat(a.parameters().equals(b.parameters())).isTrue();
        assertThat(a.parameters().equals(flow.parameters())).isFalse();
        Flow c = new Trainer(options.toBuilder().seed(10).build()).fit(flow, data).flow();
        assertThat(c.parameters().equals(a.parameters())).isFalse();
    }

    /** Training on some rows of a larger array is training on an array of just those rows, bit for bit. */
    @Test
    void trainingOnRowsInPlaceEqualsTrainingOnTheirCopy() {
        INDArray data = RandomGaussian.withSeed(4, 6).sample(300, 1, DataType.FLOAT);
        int[] rows = new int[120];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (i * 7 + 3) % 300;
        }
        Flow flow = Flow.dense(4).couplings(2).hidden(8).actNorm(true).build();
        TrainerOptions options = TrainerOptions.builder().batchSize(32).maxEpochs(2).seed(3).build();
        INDArray copied = Nd4j.pullRows(data, 1, rows);
        Flow fromCopy = new Trainer(options).fit(flow, copied).flow();
        Flow inPlace = new Trainer(options).fitRows(flow, data, rows).flow();
        assertThat(inPlace.parameters().toDoubleVector()).containsExactly(fromCopy.parameters().toDoubleVector());
        assertThatThrownBy(() -> new Trainer(options).fitRows(flow, data, new int[] {0, 300}))
                .hasMessageContaining("row 300");
    }

    /** The trainer frees its own copies when it returns, never the caller's data or flow. */
    @Test
    void fitLeavesTheCallersArraysAndFlowIntact() {
        INDArray data = RandomGaussian.withSeed(3, 5).sample(200, 1, DataType.FLOAT);
        INDArray wide = data.castTo(DataType.DOUBLE);
        INDArray train = data.get(NDArrayIndex.interval(0, 160), NDArrayIndex.all());
        INDArray validation = data.get(NDArrayIndex.interval(160, 200), NDArrayIndex.all());
        Flow flow = Flow.dense(3).couplings(2).hidden(8).build();
        TrainerOptions options = TrainerOptions.builder().batchSize(32).maxEpochs(2).seed(1).build();
        Flow same = new Trainer(options).fit(flow, data).flow();
        // Data of another type is cast to a copy, which the trainer frees; the result does not change.
        Flow cast = new Trainer(options).fit(flow, wide).flow();
        Flow split = new Trainer(options).fit(flow, train, validation).flow();
        for (INDArray a : new INDArray[] {data, wide, train, validation}) {
            assertThat(a.wasClosed()).isFalse();
        }
        assertThat(cast.parameters().toDoubleVector()).containsExactly(same.parameters().toDoubleVector());
        for (Flow f : new Flow[] {flow, same, cast, split}) {
            assertThat(f.parameters().wasClosed()).isFalse();
            assertThat(f.meanLogProb(data)).isFinite();
        }
    }

    @Test
    void returnsTheWeightsOfTheBestValidation() {
        RandomGaussian p = RandomGaussian.withSeed(4, 2);
        INDArray train = p.sample(800, 1, DataType.DOUBLE);
        INDArray validation = p.sample(200, 2, DataType.DOUBLE);
        Flow flow = Flow.dense(4).couplings(4).hidden(16).dataType(DataType.DOUBLE).build();
        // A large learning rate makes validation noisy, so the best epoch is rarely the last one.
        TrainerOptions options = TrainerOptions.builder().adam(2e-2).batchSize(32).maxEpochs(12).patience(12)
                .gradientClipNorm(0).build();
        TrainingResult result = new Trainer(options).fit(flow, train, validation);
        TrainingHistory h = result.history();
        double best = h.epochs().stream().filter(EpochRecord::validated).mapToDouble(EpochRecord::validationLoss)
                .min().orElseThrow();
        assertThat(h.bestValidationLoss()).isEqualTo(best);
        assertThat(-result.flow().meanLogProb(validation)).isCloseTo(best, within(1e-12));
        assertThat(h.epochs().get(h.bestEpoch() - 1).validationLoss()).isEqualTo(best);
    }

    @Test
    void stopsEarlyWhenValidationStopsImproving() {
        RandomGaussian p = RandomGaussian.withSeed(2, 3);
        INDArray data = p.sample(400, 1, DataType.FLOAT);
        TrainerOptions options = TrainerOptions.builder().adam(0.05).batchSize(400).maxEpochs(500).patience(2)
                .validationFraction(0.25).build();
        TrainingHistory h = new Trainer(options).fit(Flow.dense(2).couplings(2).hidden(8).build(), data).history();
        assertThat(h.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
        assertThat(h.epochs().size()).isLessThan(500).isEqualTo(h.bestEpoch() + 2);
    }

    @Test
    void timeBudgetStopsTraining() {
        INDArray data = RandomGaussian.withSeed(4, 1).sample(5000, 1, DataType.FLOAT);
        TrainerOptions options = TrainerOptions.builder().batchSize(16).maxEpochs(1000)
                .timeBudget(Duration.ofMillis(1)).build();
        TrainingHistory h = new Trainer(options).fit(Flow.dense(4).couplings(2).hidden(8).build(), data).history();
        assertThat(h.stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(h.epochs()).hasSize(1);
        assertThat(h.totalSteps()).isLessThan(5000 / 16);
    }

    @Test
    void nonFiniteStepsAreSkippedThenReportedWithTheStep() {
        // Values of 1e200 are finite, but their squares in the prior overflow: every loss is infinite.
        INDArray data = Nd4j.valueArrayOf(new long[] {64, 2}, 1e200, DataType.DOUBLE);
        TrainerOptions options = TrainerOptions.builder().batchSize(8).maxNonFiniteSteps(3).validationFraction(0).build();
        List<Double> losses = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss, double learningRate) {
                losses.add(loss);
            }
        };
        Flow flow = Flow.dense(2).couplings(2).hidden(4).dataType(DataType.DOUBLE).build();
        assertThatThrownBy(() -> new Trainer(options, listener).fit(flow, data))
                .isInstanceOf(NonFiniteLossException.class).hasMessageContaining("step 2")
                .hasMessageContaining("3 steps in a row");
        assertThat(losses).hasSize(2);
    }

    @Test
    void nanInTheDataIsRefusedBeforeTraining() {
        INDArray data = Nd4j.zeros(DataType.FLOAT, 10, 2);
        data.putScalar(3, 1, Double.NaN);
        assertThatThrownBy(() -> new Trainer(TrainerOptions.defaults()).fit(Flow.dense(2).build(), data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void invalidOptionsNameTheOptionAndValue() {
        assertThatThrownBy(() -> TrainerOptions.builder().batchSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize").hasMessageContaining("0");
        assertThatThrownBy(() -> TrainerOptions.builder().validationFraction(1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationFraction");
        assertThatThrownBy(() -> TrainerOptions.builder().adam(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate").hasMessageContaining("-1");
    }

    @Test
    void warmupAndCosineScheduleValues() {
        assertThat(LearningRateSchedule.CONSTANT.rate(1.0, 0, 4, 100)).isEqualTo(0.25);
        assertThat(LearningRateSchedule.CONSTANT.rate(1.0, 3, 4, 100)).isEqualTo(1.0);
        assertThat(LearningRateSchedule.COSINE.rate(1.0, 4, 4, 104)).isEqualTo(1.0);
        assertThat(LearningRateSchedule.COSINE.rate(1.0, 54, 4, 104)).isCloseTo(0.5, within(1e-15));
        assertThat(LearningRateSchedule.COSINE.rate(1.0, 104, 4, 104)).isCloseTo(0.0, within(1e-15));
    }
}
