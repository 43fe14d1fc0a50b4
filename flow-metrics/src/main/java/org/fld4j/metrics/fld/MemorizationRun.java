package org.fld4j.metrics.fld;

import java.util.Arrays;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.core.internal.kernel.Tensors;
import org.fld4j.core.internal.random.SeededSplit;
import org.fld4j.core.memory.NativeMemory;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.memorization.CopyCheck;
import org.fld4j.metrics.memorization.MemorizationOptions;
import org.fld4j.metrics.memorization.MemorizationResult;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The copy check of generated images against a reference's first flow: its training images and held-out images are
 * drawn again from the real set by the same seeded split (the held-out names must match the reference's), and the
 * flow scores a sample of its training images, so that the likelihood side compares like with like.
 */
final class MemorizationRun {

    /** Training images whose log-likelihoods describe the training side: enough for percentiles and a mean. */
    static final int TRAINING_SAMPLE = 1000;

    private MemorizationRun() {
    }

    static MemorizationResult run(ImageSource real, FldReference reference, ImageSource generated,
                                  MemorizationOptions options) {
        FldOptions fldOptions = reference.options();
        LoadedImages images = LoadedImages.read(real, fldOptions.evaluationBatchSize());
        int n = images.size();
        if (n != reference.realImages()) {
            throw new IllegalArgumentException(real.description() + " holds " + n + " usable images; the reference"
                    + " flow was trained on a real set of " + reference.realImages());
        }
        SeededSplit split = ReferenceTraining.memberSplit(n, ReferenceTraining.heldOutCount(n,
                fldOptions.heldOutFraction()), fldOptions.seed(), 0);
        ReferenceMember first = reference.members().get(0);
        if (!images.names(split.heldOut()).equals(first.heldOutNames())) {
            throw new IllegalArgumentException(real.description() + " is not the real set the reference flow was"
                    + " trained on: its held-out images are named differently");
        }
        INDArray training = images.rows(split.training());
        INDArray heldOut = images.rows(split.heldOut());
        LoadedImages scored = LoadedImages.read(generated, fldOptions.evaluationBatchSize());
        try {
            CopyCheck check = CopyCheck.against(training, images.names(split.training()), heldOut, options);
            EvaluationOptions evaluation = fldOptions.withSeed(first.seed()).evaluation();
            int[] sample = Arrays.copyOf(split.training(), Math.min(TRAINING_SAMPLE, split.training().length));
            INDArray trainingSample = images.rows(sample);
            double[] trainingLl = first.flow().logProb(trainingSample, evaluation);
            NativeMemory.close(trainingSample);
            double[] generatedLl = first.flow().logProb(scored.images(), evaluation);
            return check.assess(scored.images(), scored.names(), trainingLl, first.heldOutLogLikelihoods(),
                    generatedLl);
        } finally {
            NativeMemory.close(training);
            NativeMemory.close(heldOut);
        }
    }
}
