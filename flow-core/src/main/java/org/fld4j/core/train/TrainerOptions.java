package org.fld4j.core.train;

import org.fld4j.core.image.ImagePreset;

import java.time.Duration;

/**
 * Hyper-parameters of maximum-likelihood training, validated on construction: an invalid value
 * throws an {@link IllegalArgumentException} that names the option and the value.
 *
 * @param optimizer              Adam or AdamW
 * @param learningRate           peak learning rate (> 0)
 * @param weightDecay            AdamW's decoupled decay (>= 0; must be 0 for Adam)
 * @param beta1                  Adam's first-moment decay, in [0, 1)
 * @param beta2                  Adam's second-moment decay, in [0, 1)
 * @param epsilon                Adam's denominator guard (> 0)
 * @param warmupSteps            linear warm-up steps (>= 0)
 * @param schedule               learning rate after warm-up
 * @param gradientClipNorm       global L2 norm the gradient is clipped to; 0 disables clipping
 * @param batchSize              samples per step (>= 1)
 * @param maxEpochs              upper bound on epochs (>= 1)
 * @param timeBudget             wall-clock budget (> 0); training stops after the step that exceeds it
 * @param seed                   seed of the validation split and the shuffling
 * @param validationFraction     share of the data held out for validation, in [0, 1); 0 disables
 *                               validation and early stopping
 * @param validateEvery          epochs between validations (>= 1)
 * @param patience               validations without improvement before stopping (>= 1)
 * @param maxNonFiniteSteps      consecutive non-finite steps tolerated (skipped) before training
 *                               fails (>= 1)
 * @param workers                Java threads that share each training batch by rows (>= 1; 1: the
 *                               training thread alone), each on a replica of the network over the same
 *                               parameters, their gradients added. Pays off for small dense flows, one
 *                               per core; the weights then differ from one worker's by float rounding
 *                               only (the same workers, seed and data give the same bits)
 */
public record TrainerOptions(Optimizer optimizer, double learningRate, double weightDecay, double beta1,
                             double beta2, double epsilon, int warmupSteps, LearningRateSchedule schedule,
                             double gradientClipNorm, int batchSize, int maxEpochs, Duration timeBudget,
                             long seed, double validationFraction, int validateEvery, int patience,
                             int maxNonFiniteSteps, int workers) {

    public TrainerOptions {
        require(optimizer != null, "optimizer", optimizer);
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay);
        require(optimizer == Optimizer.ADAMW || weightDecay == 0, "weightDecay", weightDecay + " (with ADAM; use ADAMW)");
        require(beta1 >= 0 && beta1 < 1, "beta1", beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2", beta2);
        require(epsilon > 0, "epsilon", epsilon);
        require(warmupSteps >= 0, "warmupSteps", warmupSteps);
        require(schedule != null, "schedule", schedule);
        require(gradientClipNorm >= 0 && Double.isFinite(gradientClipNorm), "gradientClipNorm", gradientClipNorm);
        require(batchSize >= 1, "batchSize", batchSize);
        require(maxEpochs >= 1, "maxEpochs", maxEpochs);
        require(timeBudget != null && !timeBudget.isNegative() && !timeBudget.isZero(), "timeBudget", timeBudget);
        require(validationFraction >= 0 && validationFraction < 1, "validationFraction", validationFraction);
        require(validateEvery >= 1, "validateEvery", validateEvery);
        require(patience >= 1, "patience", patience);
        require(maxNonFiniteSteps >= 1, "maxNonFiniteSteps", maxNonFiniteSteps);
        require(workers >= 1, "workers", workers);
    }

    private static void require(boolean ok, String option, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid trainer option " + option + ": " + value);
        }
    }

    /**
     * Adam, lr 1e-3, no warm-up, constant rate, clipping at norm 1, batch 256, at most 100 epochs,
     * no time limit to speak of (one day), seed 0, 10% validation checked every epoch with patience 10,
     * 10 non-finite steps in a row tolerated, and one worker (the training thread).
     */
    public static TrainerOptions defaults() {
        return new TrainerOptions(Optimizer.ADAM, 1e-3, 0, 0.9, 0.999, 1e-8, 0, LearningRateSchedule.CONSTANT, 1.0,
                256, 100, Duration.ofDays(1), 0L, 0.1, 1, 10, 10, 1);
    }

    /** Starts a builder from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder preset with these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent construction; {@link #build()} validates. */
    public static final class Builder {
        private Optimizer optimizer;
        private double learningRate;
        private double weightDecay;
        private double beta1;
        private double beta2;
        private double epsilon;
        private int warmupSteps;
        private LearningRateSchedule schedule;
        private double gradientClipNorm;
        private int batchSize;
        private int maxEpochs;
        private Duration timeBudget;
        private long seed;
        private double validationFraction;
        private int validateEvery;
        private int patience;
        private int maxNonFiniteSteps;
        private int workers;

        private Builder(TrainerOptions o) {
            optimizer = o.optimizer;
            learningRate = o.learningRate;
            weightDecay = o.weightDecay;
            beta1 = o.beta1;
            beta2 = o.beta2;
            epsilon = o.epsilon;
            warmupSteps = o.warmupSteps;
            schedule = o.schedule;
            gradientClipNorm = o.gradientClipNorm;
            batchSize = o.batchSize;
            maxEpochs = o.maxEpochs;
            timeBudget = o.timeBudget;
            seed = o.seed;
            validationFraction = o.validationFraction;
            validateEvery = o.validateEvery;
            patience = o.patience;
            maxNonFiniteSteps = o.maxNonFiniteSteps;
            workers = o.workers;
        }

        public Builder adam(double learningRate) {
            this.optimizer = Optimizer.ADAM;
            this.learningRate = learningRate;
            this.weightDecay = 0;
            return this;
        }

        public Builder adamW(double learningRate, double weightDecay) {
            this.optimizer = Optimizer.ADAMW;
            this.learningRate = learningRate;
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder warmupSteps(int steps) {
            this.warmupSteps = steps;
            return this;
        }

        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder gradientClipNorm(double norm) {
            this.gradientClipNorm = norm;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxEpochs(int maxEpochs) {
            this.maxEpochs = maxEpochs;
            return this;
        }

        public Builder timeBudget(Duration budget) {
            this.timeBudget = budget;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder validationFraction(double fraction) {
            this.validationFraction = fraction;
            return this;
        }

        public Builder validateEvery(int epochs) {
            this.validateEvery = epochs;
            return this;
        }

        public Builder patience(int validations) {
            this.patience = validations;
            return this;
        }

        public Builder maxNonFiniteSteps(int steps) {
            this.maxNonFiniteSteps = steps;
            return this;
        }

        /** Java threads that share each batch (see {@link TrainerOptions#workers}). */
        public Builder workers(int threads) {
            this.workers = threads;
            return this;
        }

        public TrainerOptions build() {
            return new TrainerOptions(optimizer, learningRate, weightDecay, beta1, beta2, epsilon, warmupSteps, schedule,
                    gradientClipNorm, batchSize, maxEpochs, timeBudget, seed, validationFraction, validateEvery,
                    patience, maxNonFiniteSteps, workers);
        }
    }

    /**
     * The training recipe of an image flow preset. For {@code fld-paper} it is the official one: AdamW (lr 1e-3, weight decay
     * 0.01), gradient-norm clipping 1.0, batch 64, 20% validation, validation every 5 epochs, stop
     * after 10 validations without improvement and keep the best weights; fld4j adds an epoch cap
     * (200) and a time budget (the trainer's default unless set). The other presets use the same recipe with a validation
     * every epoch and patience 5, which suits their shorter runs.
     */
    public static TrainerOptions recipe(ImagePreset preset) {
        TrainerOptions.Builder b = TrainerOptions.builder()
                .adamW(1e-3, 0.01)
                .gradientClipNorm(1.0)
                .batchSize(64)
                .validationFraction(0.2)
                .maxEpochs(200);
        return preset == ImagePreset.FLD_PAPER ? b.validateEvery(5).patience(10).build() : b.validateEvery(1).patience(5).build();
    }
}
