package org.fld4j.spark;

/**
 * Where a Spark score was computed, for provenance.
 *
 * @param master        the master URL, e.g. {@code local[2]} or {@code spark://host:7077}
 * @param applicationId Spark's application id
 * @param executors     executors that were registered when the job ran (1 in local mode: the driver)
 * @param partitions    partitions the images were scored in
 */
public record SparkRun(String master, String applicationId, int executors, int partitions) {
}
