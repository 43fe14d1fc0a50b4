package org.fld4j.metrics.memorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tells generated images that copy the reference's training images apart (see the package description).
 *
 * <pre>{@code
 * CopyCheck check = CopyCheck.against(trainingImages, trainingNames, heldOutImages, MemorizationOptions.defaults());
 * MemorizationResult result = check.assess(generated, names, trainingLogLik, heldOutLogLik, generatedLogLik);
 * }</pre>
 *
 * <p>The held-out real images' distances to their nearest training image are computed once, when the check is
 * built: they are what an unseen real image looks like, and a generated image closer to the training set than
 * their {@link MemorizationOptions#flagQuantile()} quantile is flagged. Immutable and thread-safe.
 */
public final class CopyCheck {

    /**
     * A set is called memorized only when its rank-sum z is below this as well as its copy share's interval above 0:
     * the interval alone is met by a few chance near-duplicates (Fashion-MNIST holds some), z alone by a model
     * that merely stays near the training data; -3 is a one-sided p of about 0.001.
     */
    public static final double Z_LIMIT = -3;

    /** The fewest held-out images: the 1% quantile of fewer than 20 distances is the smallest of them. */
    public static final int MIN_HELD_OUT = 20;

    private final NearestNeighbours training;
    private final List<String> trainingNames;
    private final double[] heldOutDistances;
    private final double[] sortedHeldOut;
    private final long[] imageShape;
    private final MemorizationOptions options;

    private CopyCheck(NearestNeighbours training, List<String> trainingNames, double[] heldOutDistances,
                      long[] imageShape, MemorizationOptions options) {
        this.training = training;
        this.trainingNames = trainingNames;
        this.heldOutDistances = heldOutDistances;
        this.sortedHeldOut = heldOutDistances.clone();
        Arrays.sort(sortedHeldOut);
        this.imageShape = imageShape;
        this.options = options;
    }

    /**
     * @param trainingImages the images the reference flow trained on, {@code [n, C, H, W]} of 8-bit values
     * @param trainingNames  their names, in order
     * @param heldOutImages  the real images it never saw, of the same shape, at least {@value #MIN_HELD_OUT}
     * @throws IllegalArgumentException on empty sets, too few held-out images, or shapes that differ
     */
    public static CopyCheck against(INDArray trainingImages, List<String> trainingNames, INDArray heldOutImages,
                                    MemorizationOptions options) {
        Objects.requireNonNull(options, "options");
        if (trainingImages.rank() != 4 || trainingImages.size(0) == 0) {
            throw new IllegalArgumentException("the copy check needs training images [n, C, H, W], got shape "
                    + Arrays.toString(trainingImages.shape()));
        }
        if (trainingNames.size() != trainingImages.size(0)) {
            throw new IllegalArgumentException(trainingNames.size() + " names for " + trainingImages.size(0)
                    + " training images");
        }
        long[] shape = Arrays.copyOfRange(trainingImages.shape(), 1, 4);
        requireShape(heldOutImages, shape, "held-out real images");
        if (heldOutImages.size(0) < MIN_HELD_OUT) {
            throw new IllegalArgumentException("the copy check needs at least " + MIN_HELD_OUT + " held-out real"
                    + " images to know how far unseen real images lie from the training images; got "
                    + heldOutImages.size(0));
        }
        NearestNeighbours nearest = new NearestNeighbours(trainingImages);
        double[] heldOut = nearest.nearest(heldOutImages)[0];
        return new CopyCheck(nearest, List.copyOf(trainingNames), heldOut, shape, options);
    }

    private static void requireShape(INDArray images, long[] shape, String what) {
        if (images.rank() != 4 || !Arrays.equals(Arrays.copyOfRange(images.shape(), 1, 4), shape)) {
            throw new IllegalArgumentException("the " + what + " have shape " + Arrays.toString(images.shape())
                    + ", the training images are [n, " + shape[0] + ", " + shape[1] + ", " + shape[2] + "]");
        }
    }

    /** The held-out real images' distances to their nearest training image, in their order. */
    public double[] heldOutDistances() {
        return heldOutDistances.clone();
    }

    /** The distance at or below which a generated image is flagged. */
    public double threshold() {
        return quantile(sortedHeldOut, options.flagQuantile());
    }

    /** The check of generated images without log-likelihoods (the likelihood side is then NaN). */
    public MemorizationResult assess(INDArray generated, List<String> names) {
        return assess(generated, names, null, null, null);
    }

    /**
     * The check of generated images, with the reference flow's log-likelihoods (nats) of a sample of its training
     * images, of its held-out images and of the generated images (in their order), or all three null.
     */
    public MemorizationResult assess(INDArray generated, List<String> names, double[] trainingLogLikelihoods,
                                     double[] heldOutLogLikelihoods, double[] generatedLogLikelihoods) {
        requireShape(generated, imageShape, "generated images");
        int m = (int) generated.size(0);
        if (m == 0 || names.size() != m) {
            throw new IllegalArgumentException(m == 0 ? "the copy check needs at least one generated image"
                    : names.size() + " names for " + m + " generated images");
        }
        boolean likelihoods = generatedLogLikelihoods != null;
        if (likelihoods && (trainingLogLikelihoods == null || heldOutLogLikelihoods == null
                || generatedLogLikelihoods.length != m || trainingLogLikelihoods.length == 0
                || heldOutLogLikelihoods.length == 0)) {
            throw new IllegalArgumentException("log-likelihoods are needed of training, held-out and all " + m
                    + " generated images, or of none");
        }
        double[][] found = training.nearest(generated);
        double[] distances = found[0];
        double threshold = threshold();
        double[] sortedTraining = likelihoods ? sorted(trainingLogLikelihoods) : null;
        double[] sortedHeldOutLl = likelihoods ? sorted(heldOutLogLikelihoods) : null;
        List<ImageCopyScore> perImage = new ArrayList<>(m);
        int flagged = 0;
        for (int i = 0; i < m; i++) {
            boolean copy = distances[i] <= threshold;
            if (copy) {
                flagged++;
            }
            perImage.add(new ImageCopyScore(i, names.get(i), distances[i], trainingNames.get((int) found[1][i]), copy,
                    likelihoods ? below(sortedHeldOutLl, generatedLogLikelihoods[i]) : Double.NaN,
                    likelihoods ? below(sortedTraining, generatedLogLikelihoods[i]) : Double.NaN));
        }
        double q = options.flagQuantile();
        double share = copyShare(flagged / (double) m, q);
        double[] shareInterval = copyShareInterval(distances);
        double z = mannWhitneyZ(distances, heldOutDistances);
        boolean memorized = shareInterval[0] > 0 && z < Z_LIMIT;

        double ratio = Double.NaN;
        double[] ratioInterval = {Double.NaN, Double.NaN};
        double withoutCopies = Double.NaN;
        String explanation = "";
        if (likelihoods) {
            ratio = likelihoodRatio(mean(generatedLogLikelihoods), mean(heldOutLogLikelihoods),
                    mean(trainingLogLikelihoods));
            if (!Double.isNaN(ratio)) {
                ratioInterval = likelihoodRatioInterval(trainingLogLikelihoods, heldOutLogLikelihoods,
                        generatedLogLikelihoods);
            }
            double sum = 0;
            int kept = 0;
            for (int i = 0; i < m; i++) {
                if (!perImage.get(i).nearCopy()) {
                    sum += generatedLogLikelihoods[i];
                    kept++;
                }
            }
            double heldOutMean = mean(heldOutLogLikelihoods);
            withoutCopies = kept == 0 ? Double.NaN : Math.log((sum / kept) / heldOutMean);
            double fld = Math.log(mean(generatedLogLikelihoods) / heldOutMean);
            if (fld < 0 && memorized) {
                explanation = String.format(Locale.ROOT, "FLD %.4f is below 0 because %d of %d generated images (%.0f%%)"
                        + " are near-copies of training images%s", fld, flagged, m, 100.0 * flagged / m,
                        kept == 0 ? "; all of them are" : String.format(Locale.ROOT, "; without them FLD is %.4f",
                                withoutCopies));
            }
        }
        return new MemorizationResult(share, shareInterval[0], shareInterval[1], options.confidence(), flagged, m,
                threshold, z, memorized, ratio, ratioInterval[0], ratioInterval[1], withoutCopies, explanation,
                perImage);
    }

    /** {@code (f - q) / (1 - q)}: the share of copies when fresh images are flagged at rate q and copies always. */
    static double copyShare(double flaggedShare, double q) {
        return (flaggedShare - q) / (1 - q);
    }

    /**
     * Percentile bootstrap of the copy share: each resample draws the held-out distances again (so the threshold's
     * own noise is in the interval) and the generated ones.
     */
    private double[] copyShareInterval(double[] generated) {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x2F4A7C15L);
        int b = options.resamples();
        double[] values = new double[b];
        double[] held = new double[heldOutDistances.length];
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < held.length; i++) {
                held[i] = heldOutDistances[random.nextInt(held.length)];
            }
            Arrays.sort(held);
            double threshold = quantile(held, options.flagQuantile());
            int flagged = 0;
            for (int i = 0; i < generated.length; i++) {
                if (generated[random.nextInt(generated.length)] <= threshold) {
                    flagged++;
                }
            }
            values[r] = copyShare(flagged / (double) generated.length, options.flagQuantile());
        }
        return percentiles(values);
    }

    /**
     * The rank-sum (Mann-Whitney) statistic of {@code a} against {@code b} as a z-score under the null of one
     * distribution, ties ranked by their average: {@code (U_a - n_a n_b / 2) / sqrt(var)} with the tie-corrected
     * variance {@code n_a n_b / 12 (N + 1 - sum(t^3 - t) / (N (N - 1)))}, N = n_a + n_b, t the size of each group of
     * equal values. Ties matter here: exact copies and held-out duplicates of training images all lie at distance 0,
     * and the uncorrected variance would understate how far such a set is from the held-out images.
     */
    static double mannWhitneyZ(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(all);
        double rankSum = 0;
        for (int i = 0; i < a.length; i++) {
            rankSum += ranks[i];
        }
        double na = a.length;
        double nb = b.length;
        double n = na + nb;
        double u = rankSum - na * (na + 1) / 2;
        double[] sortedAll = all.clone();
        Arrays.sort(sortedAll);
        double ties = 0;
        for (int i = 0; i < sortedAll.length; ) {
            int j = i;
            while (j < sortedAll.length && sortedAll[j] == sortedAll[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double variance = na * nb / 12 * (n + 1 - (n > 1 ? ties / (n * (n - 1)) : 0));
        // every value equal: no evidence either way
        return variance > 0 ? (u - na * nb / 2) / Math.sqrt(variance) : 0;
    }

    /** {@code (l(G) - l(H)) / (l(T) - l(H))}, NaN when the training images are not more likely than held-out ones. */
    static double likelihoodRatio(double generated, double heldOut, double training) {
        return training > heldOut ? (generated - heldOut) / (training - heldOut) : Double.NaN;
    }

    private double[] likelihoodRatioInterval(double[] training, double[] heldOut, double[] generated) {
        SplittableRandom random = new SplittableRandom(options.seed() ^ 0x7C15A2F4L);
        double[] values = new double[options.resamples()];
        int valid = 0;
        for (int r = 0; r < values.length; r++) {
            double v = likelihoodRatio(resampledMean(generated, random), resampledMean(heldOut, random),
                    resampledMean(training, random));
            if (!Double.isNaN(v)) {
                values[valid++] = v;
            }
        }
        return valid == 0 ? new double[] {Double.NaN, Double.NaN} : percentiles(Arrays.copyOf(values, valid));
    }

    private double[] percentiles(double[] values) {
        Arrays.sort(values);
        double tail = (1 - options.confidence()) / 2;
        return new double[] {quantile(values, tail), quantile(values, 1 - tail)};
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    /** Type-7 quantile of sorted values (linear between order statistics). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Share of {@code sorted} strictly below {@code value}. */
    private static double below(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        int count = i >= 0 ? firstIndexOf(sorted, i) : -i - 1;
        return count / (double) sorted.length;
    }

    private static int firstIndexOf(double[] sorted, int found) {
        int i = found;
        while (i > 0 && sorted[i - 1] == sorted[found]) {
            i--;
        }
        return i;
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
