package org.fld4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.Flow;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.core.FlowFiles;
import org.fld4j.core.train.TrainingResult;
import org.fld4j.metrics.gaussian.GaussianTestBed;
import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.gaussian.lab.DimensionSummary;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import org.fld4j.metrics.gaussian.lab.GaussianLab;
import org.fld4j.metrics.gaussian.lab.GaussianLabListener;
import org.fld4j.metrics.gaussian.lab.GaussianLabOptions;
import org.fld4j.metrics.gaussian.lab.GaussianLabResult;
import org.fld4j.metrics.gaussian.lab.ScoredSample;

/**
 * The Gaussian lab on Spark, in two stages of independent tasks:
 * <ol>
 *   <li>one task per dimension draws the dimension's test bed, trains its flow, and scores the reference set (N
 *   samples of p) under p and the flow ({@link GaussianLab#train}, {@link GaussianLab#scoreReference},
 *   {@link GaussianLab#summarize});</li>
 *   <li>one task per cell (family, s, t) of every dimension draws the cell's test set, scores it under p and that
 *   dimension's flow, and compares it with the reference set ({@link GaussianLab#evaluateCell}).</li>
 * </ol>
 * The driver joins the dimensions' summaries and the cells' rows and curves in the lab's order. Every draw of the
 * lab is seeded by the lab's seed and the dimension (and the cell), so the result equals
 * {@code new GaussianLab(options).run()} on one machine, row for row and curve for curve, given the same native
 * thread count: each task trains and scores with one native thread, so the one-machine run to compare with is one
 * with one native thread too. Progress is not reported (the lab's listener runs on one machine only).
 *
 * <p>What travels: the options to every task (a few hundred bytes). From each training task to the driver, and
 * then to that dimension's cell tasks as one broadcast (fetched once per executor): the trained flow as the bytes
 * of its saved file (4 bytes a parameter, float32), the reference set's two log-likelihoods (16 bytes a sample:
 * 1.6 MB at the default N of 100,000) and the dimension's summary as the lab's JSON (its training history and two
 * density curves). From each cell task to the driver: the cell's row and two density curves as the lab's JSON
 * (about 40 kB at the default 512 curve points). Each cell task loads its own copy of the flow from the broadcast
 * bytes and draws the test bed again from its seed (milliseconds, against the seconds of scoring N samples), and
 * fits the reference set's likelihood bounds and densities again, as one machine fits them once per dimension.
 * The cells make the second stage as wide as the grid (90 tasks per dimension for the thesis' grid) where one task
 * per dimension would keep most executors idle. Immutable.
 */
public final class SparkGaussianLab {

    private final GaussianLabOptions options;

    private SparkGaussianLab(GaussianLabOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public static SparkGaussianLab of(GaussianLabOptions options) {
        return new SparkGaussianLab(options);
    }

    public GaussianLabOptions options() {
        return options;
    }

    /** Runs the trainings, then the cells, as Spark tasks and joins the parts into the lab's result. */
    public GaussianLabResult run(SparkSession spark) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        GaussianLabOptions lab = options;
        List<Integer> dimensions = new ArrayList<>(options.dimensions());
        List<LabCell> cells = cells(options);
        List<Broadcast<TrainedLabDimension>> shipped = new ArrayList<>();
        boolean local = context.isLocal();
        int before = NativeThreads.current();
        if (local) {
            // In local mode the tasks run in this JVM, whose native thread setting is process-wide.
            NativeThreads.set(1);
        }
        try {
            List<TrainedLabDimension> trained = context.parallelize(dimensions, dimensions.size())
                    .map(d -> train(lab, d)).collect();
            List<GaussianLabResult> parts = new ArrayList<>();
            for (TrainedLabDimension dimension : trained) {
                parts.add(GaussianLabResult.fromJson(dimension.summaryJson(),
                        "the summary of dimension " + dimension.dimension()));
                shipped.add(context.broadcast(dimension));
            }
            List<Broadcast<TrainedLabDimension>> byDimension = List.copyOf(shipped);
            List<String> evaluated = context.parallelize(cells, cells.size())
                    .map(cell -> evaluate(lab, byDimension.get(lab.dimensions().indexOf(cell.dimension())).value(),
                            cell))
                    .collect();
            for (int i = 0; i < evaluated.size(); i++) {
                parts.add(GaussianLabResult.fromJson(evaluated.get(i), "the cell " + cells.get(i)));
            }
            return GaussianLabResult.concatenate(options, parts);
        } catch (Exception e) {
            throw SparkFailures.unwrap(e);
        } finally {
            shipped.forEach(Broadcast::destroy);
            if (local) {
                NativeThreads.set(before);
            }
        }
    }

    /** Every cell of the grid, in the lab's table order: by dimension, family, scale and shift. */
    static List<LabCell> cells(GaussianLabOptions options) {
        List<LabCell> cells = new ArrayList<>(options.cellCount());
        for (int d : options.dimensions()) {
            for (TestFamily family : options.families()) {
                for (double s : options.scales()) {
                    for (double t : options.shifts()) {
                        cells.add(new LabCell(d, family, s, t));
                    }
                }
            }
        }
        return cells;
    }

    /** A training task: one dimension's flow and reference set, with one native thread. */
    private static TrainedLabDimension train(GaussianLabOptions options, int dimension) {
        NativeThreads.set(1);
        GaussianLab lab = new GaussianLab(options);
        GaussianTestBed bed = lab.testBed(dimension);
        FlowPreset preset = options.presetFor(dimension);
        TrainingResult trained = lab.train(bed, preset, new GaussianLabListener() { });
        Flow flow = trained.flow();
        try {
            ScoredSample reference = lab.scoreReference(bed, flow);
            DimensionSummary summary = lab.summarize(bed, preset, trained.history(), reference);
            String json = new GaussianLabResult(options, List.of(summary), List.of(), List.of()).toJson();
            return new TrainedLabDimension(dimension, FlowFiles.toBytes(flow), reference.trueLogDensity(),
                    reference.modelLogLikelihood(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("the flow trained for D=" + dimension + " cannot be serialised: "
                    + e.getMessage(), e);
        } finally {
            flow.releaseWorkArrays();
        }
    }

    /** A cell task: one cell's row and curves as the lab's JSON, with one native thread. */
    private static String evaluate(GaussianLabOptions options, TrainedLabDimension trained, LabCell cell) {
        NativeThreads.set(1);
        GaussianLab lab = new GaussianLab(options);
        Flow model = trained.model();
        try {
            return lab.evaluateCell(lab.testBed(cell.dimension()), model, trained.reference(), cell.family(),
                    cell.scale(), cell.shift()).toJson();
        } finally {
            model.releaseWorkArrays();
        }
    }
}
