package org.fld4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.data.RandomGaussian;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainingStepTest {

    /**
     * Adam's first step (the paper's efficient form, epsilon added to sqrt(v) before bias
     * correction): m = (1-b1) g, v = (1-b2) g^2, step = lr sqrt(1-b2)/(1-b1) m / (sqrt(v) + eps)
     * = lr g / (|g| + eps / sqrt(1-b2)). AdamW first shrinks the parameter by (1 - lr * decay).
     */
    private static void checkFirstStep(TrainerOptions options, double lr) {
        INDArray batch = RandomGaussian.withSeed(4, 5).sample(32, 1, DataType.DOUBLE);
        FlowNetwork net = Flow.dense(4).couplings(2).hidden(8).actNorm(true).dataType(DataType.DOUBLE).build()
                .toNetwork();
        net.initializeFromData(batch);
        net.lossAndGradient(batch);
        double[] g = net.gradients().toDoubleVector();
        double[] before = net.parameters().toDoubleVector();
        TrainingStep.Outcome outcome = new TrainingStep(net, options).step(batch, lr);
        assertThat(outcome.applied()).isTrue();
        double[] after = net.parameters().toDoubleVector();
        double decay = options.optimizer() == Optimizer.ADAMW ? options.weightDecay() : 0;
        int checked = 0;
        for (int i = 0; i < g.length; i++) {
            double step = lr * g[i] / (Math.abs(g[i]) + options.epsilon() / Math.sqrt(1 - options.beta2()));
            double expected = before[i] * (1 - lr * decay) - step;
            assertThat(after[i]).as("parameter %d", i).isCloseTo(expected, within(1e-12));
            if (Math.abs(step) > 0.5 * lr) {
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    /**
     * A batch split over workers takes the whole batch's step: the parts' gradients, each scaled by the whole batch's
     * size, add up to the whole batch's gradient, so Adam's first step (closed form above) moves every parameter as
     * the unsplit gradient says, to float64 rounding.
     */
    @Test
    void aSplitBatchTakesTheWholeBatchsStep() {
        INDArray batch = RandomGaussian.withSeed(4, 7).sample(77, 1, DataType.DOUBLE);
        for (int workers : new int[] {2, 3}) {
            FlowNetwork net = Flow.dense(4).couplings(2).hidden(8).actNorm(true).dataType(DataType.DOUBLE).build()
                    .toNetwork();
            net.initializeFromData(batch);
            FlowNetwork whole = net.copy();
            double wholeLoss = whole.lossAndGradient(batch);
            double[] g = whole.gradients().toDoubleVector();
            double[] before = net.parameters().toDoubleVector();
            double lr = 0.01;
            TrainerOptions options = TrainerOptions.builder().adam(lr).gradientClipNorm(0).workers(workers).build();
            TrainingStep.Outcome outcome = new TrainingStep(net, options).step(batch, lr);
            assertThat(outcome.loss()).isCloseTo(wholeLoss, within(1e-12));
            double norm = Math.sqrt(java.util.Arrays.stream(g).map(v -> v * v).sum());
            assertThat(outcome.gradientNorm()).isCloseTo(norm, within(1e-12 * norm));
            double[] after = net.parameters().toDoubleVector();
            for (int i = 0; i < g.length; i++) {
                double step = lr * g[i] / (Math.abs(g[i]) + options.epsilon() / Math.sqrt(1 - options.beta2()));
                // 1e-9, not 1e-12: where |g| is near Adam's epsilon, the step magnifies g's rounding ~10^4 times.
                assertThat(after[i]).as("%d workers, parameter %d", workers, i).isCloseTo(before[i] - step,
                        within(1e-9));
            }
        }
    }

    /**
     * A stochastic flow's split step draws, sample for sample, the noise of the unsplit step: the same loss to
     * float32 rounding, and the training stream moves on as far.
     */
    @Test
    void aSplitBatchDrawsTheWholeBatchsNoise() {
        Flow flow = Flow.image(1, 8, 8).preset(org.fld4j.core.image.ImagePreset.SMALL)
                .variationalDequantization(2, 8).build();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double[] pixels = new double[40 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextInt(256);
        }
        INDArray batch = org.nd4j.linalg.factory.Nd4j.createFromArray(pixels).reshape(40, 1, 8, 8)
                .castTo(DataType.FLOAT);
        double[][] losses = new double[2][2];
        for (int w = 0; w < 2; w++) {
            FlowNetwork net = flow.toNetwork();
            net.setTrainingNoiseSeed(9);
            TrainingStep step = new TrainingStep(net, TrainerOptions.builder().adam(1e-3).workers(w + 1).build());
            losses[w][0] = step.step(batch, 1e-3).loss();
            losses[w][1] = step.step(batch, 1e-3).loss();
        }
        assertThat(losses[1][0]).isCloseTo(losses[0][0], within(1e-4 * Math.abs(losses[0][0])));
        assertThat(losses[1][1]).isCloseTo(losses[0][1], within(1e-4 * Math.abs(losses[0][1])));
    }

    /** The optimiser's update is elementwise: split over workers, it gives the parameters of one worker, bit for bit. */
    @Test
    void aSplitUpdateGivesTheSameBits() {
        // 20 rows stay one part; the update of ~210k parameters splits in two.
        INDArray batch = RandomGaussian.withSeed(100, 8).sample(20, 1, DataType.FLOAT);
        FlowNetwork one = Flow.dense(100).couplings(2).hidden(256).build().toNetwork();
        FlowNetwork two = one.copy();
        TrainerOptions options = TrainerOptions.builder().adamW(1e-2, 0.1).gradientClipNorm(0.5).build();
        TrainingStep stepOne = new TrainingStep(one, options);
        TrainingStep stepTwo = new TrainingStep(two, options.toBuilder().workers(2).build());
        for (int i = 0; i < 3; i++) {
            stepOne.step(batch, 1e-2);
            stepTwo.step(batch, 1e-2);
        }
        assertThat(two.parameters().toFloatVector()).containsExactly(one.parameters().toFloatVector());
        assertThat(one.parameters().toFloatVector()).isNotEqualTo(Flow.dense(100).couplings(2).hidden(256).build()
                .parameters().toFloatVector());
    }

    @Test
    void workersAreValidated() {
        assertThatThrownBy(() -> TrainerOptions.builder().workers(0).build())
                .hasMessageContaining("invalid trainer option workers: 0");
    }

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        checkFirstStep(TrainerOptions.builder().adam(0.01).gradientClipNorm(0).build(), 0.01);
    }

    @Test
    void adamWDecaysBeforeTheStep() {
        checkFirstStep(TrainerOptions.builder().adamW(0.01, 0.5).gradientClipNorm(0).build(), 0.01);
    }

    /** Closing frees the optimiser's state only: the network trains on with a new step. */
    @Test
    void aClosedStepRefusesToStepAndLeavesTheNetworkUsable() {
        INDArray batch = RandomGaussian.withSeed(4, 6).sample(16, 1, DataType.FLOAT);
        FlowNetwork net = Flow.dense(4).couplings(2).hidden(8).build().toNetwork();
        TrainerOptions options = TrainerOptions.builder().adam(1e-3).build();
        TrainingStep step = new TrainingStep(net, options);
        assertThat(step.step(batch, 1e-3).applied()).isTrue();
        step.close();
        assertThatThrownBy(() -> step.step(batch, 1e-3)).isInstanceOf(IllegalStateException.class);
        assertThat(net.parameters().wasClosed()).isFalse();
        assertThat(new TrainingStep(net, options).step(batch, 1e-3).applied()).isTrue();
    }
}
