package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.InputReport;

/**
 * Made-up per-image log-likelihoods and the references and scores built from them, for tests of what FLD computes
 * from log-likelihoods: an untrained flow only gives a reference its image shape, so no forward pass runs.
 */
final class SyntheticLikelihoods {

    static final FldOptions OPTIONS = FldOptions.forPreset(ImagePreset.SMALL).withBootstrapResamples(200)
            .withConfidence(0.95).withSeed(3);

    private static Flow flow;

    private SyntheticLikelihoods() {
    }

    private static synchronized Flow flow() {
        if (flow == null) {
            flow = Flow.image(1, 4, 4).preset(ImagePreset.SMALL).build();
        }
        return flow;
    }

    /** {@code n} draws of {@code N(mean, sd^2)}. */
    static double[] gaussian(int n, double mean, double sd, SplittableRandom random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    /** Gaussian draws shifted and scaled so that their mean is exactly {@code mean} and their sample sd {@code sd}. */
    static double[] exact(int n, double mean, double sd, long seed) {
        double[] values = gaussian(n, 0, 1, new SplittableRandom(seed));
        double m = 0;
        for (double v : values) {
            m += v / n;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        double s = Math.sqrt(squares / (n - 1));
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * (values[i] - m) / s;
        }
        return values;
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("image " + i);
        }
        return names;
    }

    /** A one-flow reference whose held-out real images have these log-likelihoods. */
    static FldReference reference(double[] heldOut) {
        return new FldReference(flow(), OPTIONS, heldOut, names(heldOut.length), "", heldOut.length, 0, "made up",
                "");
    }

    /** A reference of {@code heldOut.length} flows, flow k's held-out real images having {@code heldOut[k]}. */
    static FldReference ensemble(double[][] heldOut) {
        List<ReferenceMember> members = new ArrayList<>();
        for (int k = 0; k < heldOut.length; k++) {
            members.add(new ReferenceMember(flow(), 3 + k, heldOut[k], names(heldOut[k].length), 0, "made up"));
        }
        return new FldReference(members, OPTIONS.withReferenceFlows(heldOut.length), "", heldOut[0].length, "");
    }

    /** The score of generated images whose log-likelihood under flow k is {@code generated[k][i]}. */
    static FldScore score(FldReference reference, double[]... generated) {
        return reference.score(generated, names(generated[0].length), InputReport.empty("synthetic"));
    }
}
