package org.fld4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.NativeThreads;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabListener;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;

/**
 * The Gaussian lab on Spark: one task per dimension, each drawing that dimension's test bed, training its flow and
 * evaluating every cell of its grid ({@link GaussianLab#runDimension}); the driver joins the parts in the options'
 * order. Every draw of the lab is seeded by the lab's seed and the dimension (and the cell), so the result equals
 * {@code new GaussianLab(options).run()} on one machine, row for row and curve for curve, given the same native
 * thread count (each task trains with one thread; a run on one machine with one thread is the same computation).
 *
 * <p>What travels: the options to the tasks (a few hundred bytes); each dimension's part back as the lab's JSON
 * document (a few hundred kB with its density curves), read back into an equal result. The unit of work is a
 * dimension because a dimension's cells all score under the flow trained for it: splitting them further would ship
 * that flow to every cell's task for a scoring that takes seconds. Immutable.
 */
public final class SparkGaussianLab {

    private final GaussianLabOptions options;

    private SparkGaussianLab(GaussianLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public static SparkGaussianLab of(GaussianLabOptions options) {
        return new SparkGaussianLab(options);
    }

    /** One task: one dimension of the lab, with one native thread, as the lab's JSON document. */
    private static String runPart(GaussianLabOptions options, int dimension) {
        NativeThreads.set(1);
        return new GaussianLab(options).runDimension(dimension, new GaussianLabListener() { }).toJson();
    }

    /** Runs every dimension as a Spark task and joins the parts. */
    public GaussianLabResult run(SparkSession spark) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> dimensions = new ArrayList<>(options.dimensions());
        GaussianLabOptions lab = options;
        boolean local = context.isLocal();
        int before = NativeThreads.current();
        if (local) {
            NativeThreads.set(1);
        }
        List<String> parts;
        try {
            parts = context.parallelize(dimensions, dimensions.size()).map(d -> runPart(lab, d)).collect();
        } catch (Exception e) {
            throw SparkFailures.unwrap(e);
        } finally {
            if (local) {
                NativeThreads.set(before);
            }
        }
        List<GaussianLabResult> results = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            results.add(GaussianLabResult.fromJson(parts.get(i), "the part of dimension " + dimensions.get(i)));
        }
        return GaussianLabResult.concatenate(options, results);
    }
}
