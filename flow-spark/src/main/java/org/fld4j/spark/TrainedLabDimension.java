package org.fld4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowFileLimits;
import org.fld4j.core.FlowFiles;
import org.fld4j.metrics.gaussian.lab.ScoredSample;

/**
 * One dimension of the Gaussian lab as its training task leaves it, for the driver to keep and broadcast to that
 * dimension's cell tasks: the trained flow, the reference set's log-likelihoods every cell compares with, and the
 * dimension's summary.
 *
 * @param dimension                   D
 * @param flowFile                    the trained flow as the bytes of its saved file (4 bytes a parameter)
 * @param referenceTrueLogDensity     {@code log p} of the reference set's samples (8 bytes a sample)
 * @param referenceModelLogLikelihood {@code log p_theta} of the same samples
 * @param summaryJson                 the lab's JSON document of this dimension's summary alone (no rows)
 */
record TrainedLabDimension(int dimension, byte[] flowFile, double[] referenceTrueLogDensity,
                           double[] referenceModelLogLikelihood, String summaryJson) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The trained flow, loaded from its bytes (a copy of its own for the caller). */
    Flow model() {
        try {
            return FlowFiles.load(flowFile, "the flow trained for D=" + dimension,
                    FlowFileLimits.fromSystemProperties());
        } catch (IOException e) {
            throw new UncheckedIOException("the broadcast flow of D=" + dimension + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The reference set's scores. */
    ScoredSample reference() {
        return new ScoredSample(referenceTrueLogDensity, referenceModelLogLikelihood);
    }
}
