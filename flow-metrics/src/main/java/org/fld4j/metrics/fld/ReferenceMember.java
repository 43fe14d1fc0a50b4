package org.fld4j.metrics.fld;

import java.util.List;
import java.util.Objects;
import org.fld4j.core.Flow;

/**
 * One flow of an FLD reference, immutable: the flow, the seed it was trained and scores with, and the per-image
 * log-likelihoods of its own held-out real images (its R_test, which it never trained on). A reference of K flows
 * holds K members on different held-out splits.
 */
public final class ReferenceMember {

    private final Flow flow;
    private final long seed;
    private final double[] heldOut;
    private final List<String> heldOutNames;
    private final long trainingImages;
    private final String training;

    /**
     * @param flow           the trained flow
     * @param seed           its seed: of its held-out split when it is not a fold, of its weights and training, and of
     *                       the dequantization noise when it scores
     * @param heldOut        log-likelihoods of its held-out real images, in nats, in their order
     * @param heldOutNames   their names
     * @param trainingImages images it was trained on (0 when trained elsewhere)
     * @param training       a one-line account of its training
     */
    ReferenceMember(Flow flow, long seed, double[] heldOut, List<String> heldOutNames, long trainingImages,
                    String training) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.seed = seed;
        if (heldOut.length != heldOutNames.size()) {
            throw new IllegalArgumentException(heldOut.length + " held-out values but " + heldOutNames.size() + " names");
        }
        FldFormulas.check(heldOut, heldOutNames.toArray(new String[0]), "the held-out real images");
        this.heldOut = heldOut.clone();
        this.heldOutNames = List.copyOf(heldOutNames);
        this.trainingImages = trainingImages;
        this.training = Objects.requireNonNull(training, "training");
    }

    public Flow flow() {
        return flow;
    }

    public long seed() {
        return seed;
    }

    /** Log-likelihoods (nats) of this flow's held-out real images, in their order. */
    public double[] heldOutLogLikelihoods() {
        return heldOut.clone();
    }

    /** The values themselves, for this package's arithmetic; never handed out. */
    double[] heldOutValues() {
        return heldOut;
    }

    public List<String> heldOutNames() {
        return heldOutNames;
    }

    /** {@code l_R(R_test)} of this flow. */
    public double heldOutMeanLogLikelihood() {
        return FldFormulas.mean(heldOut);
    }

    public long trainingImages() {
        return trainingImages;
    }

    /** A one-line account of how this flow was trained. */
    public String training() {
        return training;
    }
}
