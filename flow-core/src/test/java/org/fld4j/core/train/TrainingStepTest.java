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
