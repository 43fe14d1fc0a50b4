package org.fld4j.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fld4j.metrics.fld.FldScore;

/**
 * An FLD computed on Spark: the same {@link FldScore} one machine computes for the same images (value, interval,
 * per-image scores, input report), the per-image scores as a Spark {@link Dataset} to write where the caller wants
 * (e.g. Parquet), and where it ran.
 *
 * @param score    the score, equal bit for bit to scoring the same images on one machine
 * @param perImage one row per scored image: {@code name} (string), {@code logLikelihood} (double, nats, averaged
 *                 over the reference flows), {@code bitsPerDim} (double), {@code partition} (int)
 * @param run      master, executors and partitions
 */
public record SparkFldScore(FldScore score, Dataset<Row> perImage, SparkRun run) {

    public SparkFldScore {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(perImage, "perImage");
        Objects.requireNonNull(run, "run");
    }
}
