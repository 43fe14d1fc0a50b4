package org.fld4j.cli.fld;

import org.fld4j.cli.common.Provenance;
import org.fld4j.spark.SparkRun;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} and {@code --partitions N} ({@code @Mixin}): score the generated images in a Spark job
 * instead of on this machine; the result is the same, bit for bit. Only {@link SparkScoring} touches Spark's
 * classes, so a command without {@code --spark} runs without Spark's jars.
 */
public final class SparkOptions {

    @Option(names = "--spark", paramLabel = "MASTER", description = "Score the generated images in a Spark job: a"
            + " master URL (local[4], spark://host:7077, yarn) or 'submit' under spark-submit. The result equals"
            + " scoring here, bit for bit. Needs Spark's jars: ./fld adds them (docs/cluster.md).")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "With --spark: score in N partitions"
            + " (default: Spark's own split of the files, or its default parallelism for images inside a file).")
    Integer partitions;

    /** Whether the command scores on Spark. */
    boolean enabled() {
        return master != null;
    }

    /** Refuses (exit 2) what cannot work, before any image is read. */
    void check() {
        if (partitions != null && master == null) {
            throw Usage.error("--partitions sets how a Spark job splits the images; add --spark MASTER");
        }
        if (partitions != null && partitions < 1) {
            throw Usage.error("--partitions must be at least 1, got " + partitions);
        }
        if (master == null) {
            return;
        }
        if (master.isBlank()) {
            throw Usage.error("--spark needs a master URL, e.g. local[2] or spark://host:7077, or 'submit'");
        }
        if (!sparkOnClassPath()) {
            throw Usage.error("--spark needs Apache Spark's jars on the class path; ./fld adds them when --spark is"
                    + " given, or run the fld jar with spark-submit and --spark submit (docs/cluster.md)");
        }
    }

    /** A Spark session for the command: close it when the command is done. */
    SparkScoring start(String application) {
        return SparkScoring.start(master, application, partitions);
    }

    /** Records the Spark job in a result's provenance. */
    static Provenance.Builder record(Provenance.Builder provenance, SparkRun run) {
        return run == null ? provenance
                : provenance.spark(run.master(), run.applicationId(), run.executors(), run.partitions());
    }

    /** Whether Spark's classes are on the class path (asked without loading the class that uses them). */
    private static boolean sparkOnClassPath() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkOptions.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
