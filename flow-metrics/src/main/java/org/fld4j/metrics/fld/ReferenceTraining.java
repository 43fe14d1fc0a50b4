package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.Flow;
import org.fld4j.core.Tensors;
import org.fld4j.core.train.Trainer;
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

    private ReferenceTraining() {
    }

    /** A trained reference and its held-out images, which D-FLD scores under the other flow too. */
    record Trained(FldReference reference, INDArray heldOutImages) {
    }

    static FldReference train(ImageSource real, FldOptions options, List<TrainingListener> listeners) {
        return trainKeepingHeldOut(real, options, listeners).reference();
    }

    static Trained trainKeepingHeldOut(ImageSource real, FldOptions options, List<TrainingListener> listeners) {
        LoadedImages images = LoadedImages.read(real, options.evaluationBatchSize());
        int n = images.size();
        if (n < MIN_REAL_IMAGES) {
            throw new TooFewImagesException(real.description() + " holds " + n + " usable images; FLD needs at least "
                    + MIN_REAL_IMAGES + " real images (a few thousand for a useful reference flow)", n, MIN_REAL_IMAGES);
        }
        int heldOutCount = heldOutCount(n, options.heldOutFraction());
        int flows = options.referenceFlows();
        List<ReferenceMember> members = new ArrayList<>();
        INDArray firstHeldOut = null;
        for (int k = 0; k < flows; k++) {
            int[][] split = memberSplit(n, heldOutCount, options.seed(), k);
            long seed = options.seed() + k;
            INDArray training = images.rows(split[0]);
            INDArray heldOut = images.rows(split[1]);
            long[] shape = images.imageShape();
            Flow fresh = Flow.image((int) shape[0], (int) shape[1], (int) shape[2]).preset(options.preset())
                    .seed(seed).build();
            LOG.info("training the {} reference flow{} on {} of {} real images of {} ({} held out)",
                    options.preset().id(), flows == 1 ? "" : " " + (k + 1) + " of " + flows, split[0].length, n,
                    real.description(), heldOutCount);
            TrainingResult result;
            try {
                result = new Trainer(options.withSeed(seed).trainerOptions(),
                        listeners.toArray(new TrainingListener[0])).fit(fresh, training);
            } finally {
                // Rows copied for the trainer alone, freed now rather than whenever the collector runs.
                Tensors.close(training);
            }
            Flow flow = result.flow();
            double[] heldOutLog = flow.logProb(heldOut, options.withSeed(seed).evaluation());
            members.add(new ReferenceMember(flow, seed, heldOutLog, images.names(split[1]), split[0].length,
                    describe(result.history())));
            if (k == 0) {
                firstHeldOut = heldOut;
            } else {
                Tensors.close(heldOut);
            }
        }
        String fingerprint = Fingerprinter.fingerprint(real).fingerprint().sha256();
        return new Trained(new FldReference(members, options, fingerprint, n, Fld4jVersion.current()), firstHeldOut);
    }

    /**
     * Flow {@code k}'s {@code [training indices, held-out indices]}. Flow 0's is {@link #split} of the seed, as a
     * reference of one flow has always had; the next flows take the following blocks of the same shuffled order as
     * long as they fit, so that their held-out sets are disjoint folds and every real image is held out by at most
     * one flow; past the last whole block, a flow draws its own split from {@code seed + k}.
     */
    static int[][] memberSplit(int n, int heldOutCount, long seed, int k) {
        if ((long) (k + 1) * heldOutCount > n) {
            return split(n, heldOutCount, seed + k);
        }
        int[] order = shuffled(n, seed);
        int[] heldOut = Arrays.copyOfRange(order, k * heldOutCount, (k + 1) * heldOutCount);
        int[] training = new int[n - heldOutCount];
        System.arraycopy(order, 0, training, 0, k * heldOutCount);
        System.arraycopy(order, (k + 1) * heldOutCount, training, k * heldOutCount, n - (k + 1) * heldOutCount);
        Arrays.sort(heldOut);
        Arrays.sort(training);
        return new int[][] {training, heldOut};
    }

    /**
     * A reference trained earlier on {@code real} (e.g. loaded from a file) with its held-out images drawn again:
     * the same seeded split of the same images gives the same R_test. The split is checked by the images' count
     * and the held-out images' names.
     */
    static Trained withHeldOutImages(ImageSource real, FldReference reference) {
        FldOptions options = reference.options();
        LoadedImages images = LoadedImages.read(real, options.evaluationBatchSize());
        int n = images.size();
        if (n != reference.realImages()) {
            throw new IllegalArgumentException(real.description() + " holds " + n + " usable images; the reference"
                    + " flow was trained on a real set of " + reference.realImages());
        }
        int[][] split = split(n, heldOutCount(n, options.heldOutFraction()), options.seed());
        if (!images.names(split[1]).equals(reference.heldOutNames())) {
            throw new IllegalArgumentException(real.description() + " is not the real set the reference flow was"
                    + " trained on: its held-out images are named differently");
        }
        return new Trained(reference, images.rows(split[1]));
    }

    /** How many of {@code n} real images are held out as R_test: at least one. */
    static int heldOutCount(int n, double heldOutFraction) {
        return Math.max(1, (int) Math.round(n * heldOutFraction));
    }

    /** {@code [training indices, held-out indices]}, each ascending, drawn from {@code seed}. */
    static int[][] split(int n, int heldOutCount, long seed) {
        int[] order = shuffled(n, seed);
        int[] heldOut = Arrays.copyOfRange(order, 0, heldOutCount);
        int[] training = Arrays.copyOfRange(order, heldOutCount, n);
        Arrays.sort(heldOut);
        Arrays.sort(training);
        return new int[][] {training, heldOut};
    }

    /** {@code 0..n-1} in the seeded order whose first {@code heldOutCount} positions {@link #split} holds out. */
    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static String describe(TrainingHistory history) {
        return String.format(Locale.ROOT, "%d epochs (%s), best epoch %d, %d steps, %.1f s", history.epochs().size(),
                history.stopReason(), history.bestEpoch(), history.totalSteps(), history.elapsed().toMillis() / 1e3);
    }
}
