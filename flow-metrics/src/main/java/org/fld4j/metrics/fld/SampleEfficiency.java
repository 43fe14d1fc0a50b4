package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.fld4j.core.internal.random.Shuffles;
import org.fld4j.io.ImageSource;

/**
 * How many generated images FLD needs: the spread of FLD over random subsets of the generated set at several sizes
 * (the FLD paper's Figure 1).
 *
 * <pre>{@code
 * SampleEfficiencyResult result = SampleEfficiency.of(fld).run(generated);
 * OptionalInt enough = result.stableSize(0.05);   // smallest size with std under 5% of the mean FLD
 * }</pre>
 *
 * <p>Every generated image is scored once under the reference flow; each subset's FLD then comes from those
 * per-image log-likelihoods by the FLD formula, so drawing thousands of subsets costs no further forward passes.
 * Subsets are drawn without replacement, {@link SampleEfficiencyOptions#repeats()} at each size.
 *
 * <p>Two questions, one option ({@link SampleEfficiencyOptions#subsampleReal()}):
 * <ul>
 *   <li>{@code false} (the default): every subset is compared with the whole held-out real set, whose mean
 *       log-likelihood is then a constant. The spread is that of the generated images alone: how many images a
 *       generator must produce to be scored reliably against a fixed, saved reference.</li>
 *   <li>{@code true}: the held-out real images are subsampled to the same size in each draw, independently of the
 *       generated ones. The spread then includes the real set's sampling noise: how FLD behaves when only
 *       {@code n} images of each kind exist, the setting in which metrics such as FID are compared at {@code n}.
 *       Sizes above the held-out real count are left out.</li>
 * </ul>
 *
 * <p>Immutable; the reference flow is trained on the first {@link #run} if the {@link Fld} is not trained yet.
 */
public final class SampleEfficiency {

    private final Fld fld;
    private final SampleEfficiencyOptions options;

    private SampleEfficiency(Fld fld, SampleEfficiencyOptions options) {
        this.fld = Objects.requireNonNull(fld, "fld");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The sample efficiency of FLD against this reference, with {@link SampleEfficiencyOptions#defaults()}. */
    public static SampleEfficiency of(Fld fld) {
        return new SampleEfficiency(fld, SampleEfficiencyOptions.defaults());
    }

    /** The same experiment with other options. */
    public SampleEfficiency options(SampleEfficiencyOptions value) {
        return new SampleEfficiency(fld, value);
    }

    public SampleEfficiencyOptions options() {
        return options;
    }

    /** Scores every generated image once and draws the subsets. */
    public SampleEfficiencyResult run(ImageSource generated) {
        return run(fld.score(generated));
    }

    /**
     * Draws the subsets from a score already computed against this experiment's reference (its per-image
     * log-likelihoods), without scoring the images again: for callers that score with their own batching or
     * progress reporting.
     *
     * @throws IllegalArgumentException if the score was computed against another number of held-out real images
     */
    public SampleEfficiencyResult run(FldScore score) {
        double[] real = fld.reference().heldOutLogLikelihoods();
        if (score.realCount() != real.length) {
            throw new IllegalArgumentException("the score was computed against " + score.realCount()
                    + " held-out real images, this reference holds " + real.length);
        }
        double[] values = score.perImage().stream().mapToDouble(ImageScore::logLikelihood).toArray();
        if (fld.reference().referenceFlows() > 1 && !options.subsampleReal()) {
            // Per-image values are the flows' mean log-likelihoods, so the held-out side is the flows' mean too:
            // each subset's FLD is then the ensemble FLD to first order.
            return compute(values, real, fld.reference().heldOutMeanLogLikelihood(), options);
        }
        return compute(values, real, options);
    }

    /**
     * The experiment on per-image log-likelihoods (nats) already computed: {@code generated} of the generated
     * images, {@code real} of the held-out real ones. Both are taken as checked (finite, negative mean), as
     * {@link Fld#score} and {@link FldReference} leave them.
     */
    static SampleEfficiencyResult compute(double[] generated, double[] real, SampleEfficiencyOptions options) {
        return compute(generated, real, FldFormulas.mean(real), options);
    }

    /**
     * {@link #compute(double[], double[], SampleEfficiencyOptions)} against a given held-out mean. The generated
     * values are read in a score's canonical order (ascending, {@link CanonicalOrder}) before subsets are drawn by
     * position, so the experiment, like the score, depends on the values alone and not on the order images were
     * scored in (one machine, parts, Spark).
     */
    static SampleEfficiencyResult compute(double[] given, double[] real, double realMean,
                                          SampleEfficiencyOptions options) {
        double[] generated = CanonicalOrder.sorted(new double[][] {given})[0];
        List<SampleEfficiencyPoint> points = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int size : options.sizes()) {
            if (size > generated.length) {
                notes.add("size " + size + " left out: only " + generated.length + " generated images");
            } else if (options.subsampleReal() && size > real.length) {
                notes.add("size " + size + " left out: only " + real.length + " held-out real images to subsample");
            } else {
                points.add(point(generated, real, realMean, size, options));
            }
        }
        double fullFld = FldFormulas.fld(realMean, FldFormulas.mean(generated));
        return new SampleEfficiencyResult(points, fullFld, generated.length, real.length, options, notes);
    }

    private static SampleEfficiencyPoint point(double[] generated, double[] real, double realMean, int size,
                                               SampleEfficiencyOptions options) {
        // Each size starts from a fresh generator and fresh index orders, so its subsets depend on the seed and
        // the size alone, not on which other sizes were asked for.
        SplittableRandom random = randomFor(options.seed(), size);
        int[] generatedOrder = Shuffles.identity(generated.length);
        int[] realOrder = options.subsampleReal() ? Shuffles.identity(real.length) : null;
        double[] values = new double[options.repeats()];
        for (int r = 0; r < values.length; r++) {
            double meanGenerated = subsetMean(generated, generatedOrder, size, random);
            double meanReal = options.subsampleReal() ? subsetMean(real, realOrder, size, random) : realMean;
            values[r] = FldFormulas.fld(meanReal, meanGenerated);
        }
        return SampleEfficiencyPoint.summarize(size, values);
    }

    /**
     * A generator for one size. {@code new SplittableRandom(s).nextLong()} is a bijective mix of {@code s}; mixing
     * twice puts the states of neighbouring sizes far apart, so no size's stream is a shifted copy of another's
     * (as it would be with the plain seed {@code seed + size}).
     */
    static SplittableRandom randomFor(long seed, int size) {
        return new SplittableRandom(new SplittableRandom(new SplittableRandom(seed).nextLong() + size).nextLong());
    }

    /**
     * The mean of {@code size} values drawn without replacement: the first {@code size} steps of a Fisher-Yates
     * shuffle of {@code order}. Whatever order the previous draw left behind, the drawn set is uniform over all
     * subsets of that size, so the array is reused across repeats instead of being reset. The values are summed
     * in the order they were drawn.
     */
    private static double subsetMean(double[] values, int[] order, int size, SplittableRandom random) {
        Shuffles.shuffleFront(order, size, random);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[order[i]];
        }
        return sum / size;
    }
}
