package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.Flow;
import org.fld4j.core.ImageFlowBuilder;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.internal.random.SeededSplit;
import org.fld4j.core.memory.NativeMemory;
import org.fld4j.core.train.Trainer;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.core.train.TrainingHistory;
import org.fld4j.core.train.TrainingListener;
import org.fld4j.core.train.TrainingResult;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.Fingerprinter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a reference flow on real images: a seeded share is held out as R_test, the preset's flow is
 * trained on the rest with its recipe (whose own validation share of the rest drives early stopping),
 * and R_test is scored.
 */
final class ReferenceTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceTraining.class);

    /** Fewer real images than this cannot give both a training set and a held-out set worth the name. */
    static final int MIN_REAL_IMAGES = 10;

    /** Mixed into the seed of the references' splits, so that they never share an order with training's own. */
    private static final long SPLIT_SEED_MIX = 0x2545F4914F6CDD1DL;

    private ReferenceTraining() {
    }

    /**
     * A trained reference and its flows' held-out images, which D-FLD scores under the other set's flows too: one array
     * per flow, in flow order.
     */
    record Trained(FldReference reference, List<INDArray> heldOutImages) {

        Trained {
            heldOutImages = List.copyOf(heldOutImages);
        }

        /** Frees the held-out images' native memory now. */
        void closeHeldOutImages() {
            NativeMemory.close(heldOutImages);
        }
    }

    static FldReference train(ImageSource real, FldOptions options, List<TrainingListener> listeners,
                              RealSetDescription description) {
        Trained trained = trainKeepingHeldOut(real, options, listeners, description);
        trained.closeHeldOutImages();
        return trained.reference();
    }

    /**
     * Trains a flow the way {@code budget} says, e.g. for D-FLD: the options' recipe is changed by it, and the flow's
     * logit squeezes by {@code logitAlpha} instead of the preset's alpha.
     */
    static Trained trainKeepingHeldOut(ImageSource real, FldOptions options, List<TrainingListener> listeners,
                                       DualTrainingBudget budget, double logitAlpha) {
        return trainKeepingHeldOut(real, options, listeners, RealSetDescription.none(), budget::apply,
                builder -> builder.logitAlpha(logitAlpha));
    }

    /** Trains the reference; its card records {@code description} and this runtime's recipe and versions. */
    static Trained trainKeepingHeldOut(ImageSource real, FldOptions options, List<TrainingListener> listeners,
                                       RealSetDescription description) {
        return trainKeepingHeldOut(real, options, listeners, description, UnaryOperator.identity(),
                UnaryOperator.identity());
    }

    /**
     * Trains the flows with the options' recipe as {@code recipe} changes it, each flow the preset's architecture as
     * {@code architecture} changes it.
     */
    private static Trained trainKeepingHeldOut(ImageSource real, FldOptions options, List<TrainingListener> listeners,
                                               RealSetDescription description, UnaryOperator<TrainerOptions> recipe,
                                               UnaryOperator<ImageFlowBuilder> architecture) {
        LoadedImages images = LoadedImages.read(real, options.evaluationBatchSize());
        int n = images.size();
        if (n < MIN_REAL_IMAGES) {
            throw new TooFewImagesException(real.description() + " holds " + n + " usable images; FLD needs at least "
                    + MIN_REAL_IMAGES + " real images (a few thousand for a useful reference flow)", n, MIN_REAL_IMAGES);
        }
        int heldOutCount = heldOutCount(n, options.heldOutFraction());
        int flows = options.referenceFlows();
        List<ReferenceMember> members = new ArrayList<>();
        List<INDArray> heldOutImages = new ArrayList<>();
        for (int k = 0; k < flows; k++) {
            SeededSplit split = memberSplit(n, heldOutCount, options.seed(), k);
            long seed = options.seed() + k;
            INDArray heldOut = images.rows(split.heldOut());
            long[] shape = images.imageShape();
            Flow fresh = architecture.apply(Flow.image((int) shape[0], (int) shape[1], (int) shape[2])
                    .preset(options.preset())).seed(seed).build();
            LOG.info("training the {} reference flow{} on {} of {} real images of {} ({} held out)",
                    options.preset().id(), flows == 1 ? "" : " " + (k + 1) + " of " + flows, split.training().length, n,
                    real.description(), heldOutCount);
            // The trainer reads the training rows in place: no copy of the real set for it.
            TrainingResult result = new Trainer(recipe.apply(options.withSeed(seed).trainerOptions()),
                    listeners.toArray(new TrainingListener[0])).fitRows(fresh, images.images(), split.training());
            Flow flow = result.flow();
            double[] heldOutLog = flow.logProb(heldOut, options.withSeed(seed).evaluation());
            members.add(new ReferenceMember(flow, seed, heldOutLog, images.names(split.heldOut()), split.training().length,
                    describe(result.history())));
            heldOutImages.add(heldOut);
        }
        String fingerprint = Fingerprinter.fingerprint(real).fingerprint().sha256();
        ReferenceCard card = ReferenceCard.ofTraining(description, recipe.apply(options.trainerOptions()));
        return new Trained(new FldReference(members, options, fingerprint, n, Fld4jVersion.current(), card),
                heldOutImages);
    }

    /**
     * Flow {@code k}'s split of the real images. Flow 0's is {@link #split} of the seed, as a reference of one flow
     * has always had; the next flows take the following blocks of the same shuffled order as long as they fit, so
     * that their held-out sets are disjoint folds and every real image is held out by at most one flow; past the
     * last whole block, a flow draws its own split from {@code seed + k}.
     */
    static SeededSplit memberSplit(int n, int heldOutCount, long seed, int k) {
        if ((long) (k + 1) * heldOutCount > n) {
            return split(n, heldOutCount, seed + k);
        }
        return SeededSplit.block(n, heldOutCount, seed ^ SPLIT_SEED_MIX, k);
    }

    /**
     * A reference trained earlier on {@code real} (e.g. loaded from a file) with each flow's held-out images drawn
     * again: the same seeded splits of the same images give the same R_test sets. Each split is checked by the images'
     * count and the held-out images' names.
     */
    static Trained withHeldOutImages(ImageSource real, FldReference reference) {
        FldOptions options = reference.options();
        LoadedImages images = LoadedImages.read(real, options.evaluationBatchSize());
        int n = images.size();
        if (n != reference.realImages()) {
            throw new IllegalArgumentException(real.description() + " holds " + n + " usable images; the reference"
                    + " flow was trained on a real set of " + reference.realImages());
        }
        int heldOutCount = heldOutCount(n, options.heldOutFraction());
        List<INDArray> heldOutImages = new ArrayList<>();
        for (int k = 0; k < reference.members().size(); k++) {
            SeededSplit split = memberSplit(n, heldOutCount, options.seed(), k);
            if (!images.names(split.heldOut()).equals(reference.members().get(k).heldOutNames())) {
                NativeMemory.close(heldOutImages);
                throw new IllegalArgumentException(real.description() + " is not the real set the reference flow was"
                        + " trained on: its held-out images are named differently");
            }
            heldOutImages.add(images.rows(split.heldOut()));
        }
        return new Trained(reference, heldOutImages);
    }

    /** How many of {@code n} real images are held out as R_test: at least one. */
    static int heldOutCount(int n, double heldOutFraction) {
        return Math.max(1, (int) Math.round(n * heldOutFraction));
    }

    /** The references' split of {@code n} real images drawn from {@code seed}: {@link SeededSplit#of} of it, mixed. */
    static SeededSplit split(int n, int heldOutCount, long seed) {
        return SeededSplit.of(n, heldOutCount, seed ^ SPLIT_SEED_MIX);
    }

    static String describe(TrainingHistory history) {
        return String.format(Locale.ROOT, "%d epochs (%s), best epoch %d, %d steps, %.1f s", history.epochs().size(),
                history.stopReason(), history.bestEpoch(), history.totalSteps(), history.elapsed().toMillis() / 1e3);
    }
}
