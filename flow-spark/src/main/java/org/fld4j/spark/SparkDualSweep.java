package org.fld4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.fld4j.core.backend.NativeThreads;
import org.fld4j.io.ImageSource;
import org.fld4j.metrics.distortion.Distortion;
import org.fld4j.metrics.fld.DualFld;
import org.fld4j.metrics.fld.DualFldScore;
import org.fld4j.metrics.fld.FldOptions;
import org.fld4j.metrics.fld.FldReference;

/**
 * A D-FLD distortion sweep on Spark: one task per generated set, each training that set's flow G and scoring D-FLD
 * and J exactly as {@link DualFld#score} does on one machine, with the real images' flow R trained once on the
 * driver and broadcast.
 *
 * <pre>{@code
 * List<DualFldScore> scores = SparkDualSweep.of(real).options(FldOptions.forPreset(ImagePreset.SMALL))
 *         .seed(7).run(spark, images, List.of(new DistortedSet(DistortionKind.ADDITIVE_NOISE, 8),
 *                                          new DistortedSet(DistortionKind.GAUSSIAN_BLUR, 1.5)));
 * }</pre>
 *
 * <p>What travels: the real images and the images to distort, as 8-bit pixels, broadcast once (1 byte per sample:
 * 1.5 MB for 2,000 Fashion-MNIST images), and R as its saved file (broadcast once, loaded once per executor task
 * slot). Each task distorts the images itself, with the sweep's seed, so a set is the same wherever it is made.
 * Each task trains with one native thread (executors run one task per core); every result equals the one-machine
 * score of the same set with the same R, bit for bit, when training on one machine gives the same flow with one
 * thread as with the driver's thread count (float32 flows on this project's machines: see the test).
 * Sets smaller than the real set make each task train its own R on a seeded subset of the real images of the set's
 * size (size matching, {@link DualFld#sizeMatched}), as one machine does; equal or larger sets all use the
 * broadcast R. Immutable.
 */
public final class SparkDualSweep {

    private final ImageSource real;
    private final FldOptions realOptions;
    private final FldOptions generatedOptions;
    private final boolean sizeMatched;
    private final long seed;

    private SparkDualSweep(ImageSource real, FldOptions realOptions, FldOptions generatedOptions, boolean sizeMatched,
                           long seed) {
        this.real = Objects.requireNonNull(real, "real");
        this.realOptions = Objects.requireNonNull(realOptions, "realOptions");
        this.generatedOptions = Objects.requireNonNull(generatedOptions, "generatedOptions");
        this.sizeMatched = sizeMatched;
        this.seed = seed;
    }

    /** A sweep against the real images {@code real} with {@link FldOptions#defaults()} for both flows, seed 0. */
    public static SparkDualSweep of(ImageSource real) {
        return new SparkDualSweep(real, FldOptions.defaults(), FldOptions.defaults(), true, 0);
    }

    /** The options of both flows (as {@link DualFld#options}). */
    public SparkDualSweep options(FldOptions value) {
        return new SparkDualSweep(real, value, value, sizeMatched, seed);
    }

    /** The options of the generated sets' flows only. */
    public SparkDualSweep generatedOptions(FldOptions value) {
        return new SparkDualSweep(real, realOptions, value, sizeMatched, seed);
    }

    /** As {@link DualFld#sizeMatched(boolean)}; true by default. */
    public SparkDualSweep sizeMatched(boolean value) {
        return new SparkDualSweep(real, realOptions, generatedOptions, value, seed);
    }

    /** The seed every set's distortion is drawn from (as {@link Distortion#applyTo}). */
    public SparkDualSweep seed(long value) {
        return new SparkDualSweep(real, realOptions, generatedOptions, sizeMatched, value);
    }

    /** The D-FLD computation of one set on one machine, for comparison: what each task runs. */
    public DualFld dualFld(ImageSource realImages, FldReference realFlow) {
        return dualFld(realImages, realFlow, realOptions, generatedOptions, sizeMatched);
    }

    private static DualFld dualFld(ImageSource realImages, FldReference realFlow, FldOptions realOptions,
                                   FldOptions generatedOptions, boolean sizeMatched) {
        return DualFld.of(realImages).options(realOptions).realReference(realFlow).generatedOptions(generatedOptions)
                .sizeMatched(sizeMatched);
    }

    /** R: the real images' flow, trained on the driver (as one machine trains it for this sweep). */
    public FldReference realReference() {
        return DualFld.of(real).options(realOptions).realReference();
    }

    private static void requireSets(List<DistortedSet> sets) {
        if (sets == null || sets.isEmpty()) {
            throw new IllegalArgumentException("a distortion sweep needs at least one distorted set");
        }
    }

    /**
     * Trains R, then scores every set as a Spark task; the scores come back in the order of {@code sets}.
     *
     * @param images the images each set distorts (e.g. held-out real images)
     * @throws IllegalArgumentException if there are no sets
     */
    public List<DualFldScore> run(SparkSession spark, ImageSource images, List<DistortedSet> sets) {
        requireSets(sets);
        return run(spark, realReference(), images, sets);
    }

    /**
     * Scores every set as a Spark task against R already trained on this sweep's real images (by
     * {@link #realReference()}, or saved earlier): each score equals
     * {@code dualFld(real, realFlow).score(set)} on one machine. R's options decide the real side (held-out split,
     * scoring, bootstrap), as {@link DualFld#realReference(FldReference)} says.
     *
     * @param images the images each set distorts
     * @throws IllegalArgumentException if there are no sets, or {@code realFlow} was not trained on the real images
     *                                  (checked on the driver before any task starts)
     */
    public List<DualFldScore> run(SparkSession spark, FldReference realFlow, ImageSource images,
                                  List<DistortedSet> sets) {
        requireSets(sets);
        Objects.requireNonNull(realFlow, "realFlow");
        // Reads R's held-out images again from the real set: refuses another set's R here, not in every task.
        dualFld(real, realFlow).realReference();
        List<DistortedSet> ordered = List.copyOf(sets);
        FldReference reference = realFlow;
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> referenceBytes = context.broadcast(ExecutorReferences.bytesOf(reference));
        Broadcast<ImageBytes> realBytes = context.broadcast(ImageBytes.of(real));
        Broadcast<ImageBytes> imageBytes = context.broadcast(ImageBytes.of(images));
        String identity = reference.identity();
        long distortionSeed = seed;
        FldOptions realFlowOptions = realOptions;
        FldOptions setFlowOptions = generatedOptions;
        boolean matched = sizeMatched;
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            indices.add(i);
        }
        boolean local = context.isLocal();
        int before = NativeThreads.current();
        if (local) {
            NativeThreads.set(1);
        }
        try {
            return context.parallelize(indices, ordered.size()).map(i -> {
                NativeThreads.set(1);
                DistortedSet set = ordered.get(i);
                FldReference r = ExecutorReferences.borrow(identity, referenceBytes.value());
                try {
                    ImageSource generated = Distortion.of(set.kind(), set.level())
                            .applyTo(imageBytes.value().toSource(), distortionSeed);
                    return dualFld(realBytes.value().toSource(), r, realFlowOptions, setFlowOptions, matched)
                            .score(generated);
                } finally {
                    ExecutorReferences.giveBack(identity, r);
                }
            }).collect();
        } catch (Exception e) {
            throw SparkFailures.unwrap(e);
        } finally {
            if (local) {
                NativeThreads.set(before);
            }
        }
    }
}
