package org.fld4j.spark;

import java.io.Serializable;
import java.util.Objects;
import org.fld4j.io.InputReport;
import org.fld4j.metrics.fld.FldAccumulatorState;

/**
 * What one partition sends back: its images' per-flow log-likelihoods and names (mergeable), and the report of
 * its read (images read, what was skipped and why).
 *
 * @param partition the partition's index
 * @param state     the partial FLD score
 * @param report    the partition's input report
 */
public record PartitionScore(int partition, FldAccumulatorState state, InputReport report) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PartitionScore {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(report, "report");
    }
}
