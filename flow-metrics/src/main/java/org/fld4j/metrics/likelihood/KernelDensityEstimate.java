package org.fld4j.metrics.likelihood;

/**
 * A Gaussian kernel density estimate of a 1-D sample,
 * {@code f(x) = 1/(n h) sum_i phi((x - x_i) / h)} with phi the standard normal density.
 *
 * <p>{@link #density(double)} sums over every sample point. Curves ({@link #curve}) are computed by
 * linear binning (Wand 1994): the sample is spread onto a fine grid at most h/8 apart (each point
 * split between its two neighbouring nodes in proportion to its distance), and each curve point sums
 * the kernel over the nodes within 6h. That costs O(n + points * 97) instead of O(n * points), so a
 * curve of a million values takes milliseconds; the binning changes a value by far less than the
 * sampling noise (the tests bound it), and cutting the kernel at 6h drops under 1e-8 of it.
 */
public final class KernelDensityEstimate {

    /** The kernel is cut off this many bandwidths from its centre. */
    static final double CUTOFF = 6.0;
    /** Binning nodes per bandwidth. */
    private static final double NODES_PER_BANDWIDTH = 8.0;
    /** At most this many binning nodes (32 MiB); beyond, nodes are spaced further apart. */
    private static final int MAX_NODES = 1 << 22;
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private final double[] sample;
    private final double bandwidth;
    private final double min;
    private final double max;

    private KernelDensityEstimate(double[] sample, double bandwidth) {
        FiniteValues.require(sample, "sample value");
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite, got " + bandwidth);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : sample) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.sample = sample.clone();
        this.bandwidth = bandwidth;
        this.min = lo;
        this.max = hi;
    }

    /** The estimate of {@code sample} with the bandwidth {@code rule} gives. */
    public static KernelDensityEstimate of(double[] sample, BandwidthRule rule) {
        return new KernelDensityEstimate(sample, rule.bandwidth(sample));
    }

    /** The estimate of {@code sample} with a given bandwidth. */
    public static KernelDensityEstimate of(double[] sample, double bandwidth) {
        return new KernelDensityEstimate(sample, bandwidth);
    }

    public double bandwidth() {
        return bandwidth;
    }

    public int sampleSize() {
        return sample.length;
    }

    /** The smallest sample value. */
    public double min() {
        return min;
    }

    /** The largest sample value. */
    public double max() {
        return max;
    }

    /** {@code f(x)}, summed exactly over the whole sample. */
    public double density(double x) {
        double sum = 0;
        for (double v : sample) {
            double u = (x - v) / bandwidth;
            sum += Math.exp(-0.5 * u * u);
        }
        return sum * INV_SQRT_2PI / (sample.length * bandwidth);
    }

    /** The curve on {@code points} evenly spaced values over the whole support, {@code [min - 4h, max + 4h]}. */
    public DensityCurve curve(int points) {
        return curve(min - 4 * bandwidth, max + 4 * bandwidth, points);
    }

    /** The curve on {@code points} (at least 2) evenly spaced values from {@code lo} to {@code hi}. */
    public DensityCurve curve(double lo, double hi, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        double reach = CUTOFF * bandwidth;
        double origin = lo - reach;
        double span = (hi - lo) + 2 * reach;
        double spacing = bandwidth / NODES_PER_BANDWIDTH;
        long wanted = (long) Math.ceil(span / spacing) + 1;
        int nodes = (int) Math.min(wanted, MAX_NODES);
        spacing = span / (nodes - 1);
        double[] weights = binLinearly(origin, spacing, nodes);

        double[] x = new double[points];
        double[] density = new double[points];
        double step = (hi - lo) / (points - 1);
        double norm = INV_SQRT_2PI / (sample.length * bandwidth);
        for (int k = 0; k < points; k++) {
            double at = k == points - 1 ? hi : lo + k * step;
            int first = Math.max(0, (int) Math.ceil((at - reach - origin) / spacing));
            int last = Math.min(nodes - 1, (int) Math.floor((at + reach - origin) / spacing));
            double sum = 0;
            for (int m = first; m <= last; m++) {
                if (weights[m] != 0) {
                    double u = (at - (origin + m * spacing)) / bandwidth;
                    sum += weights[m] * Math.exp(-0.5 * u * u);
                }
            }
            x[k] = at;
            density[k] = sum * norm;
        }
        return new DensityCurve(x, density, bandwidth);
    }

    /** Each sample value split between its two nearest nodes; values beyond the nodes are dropped. */
    private double[] binLinearly(double origin, double spacing, int nodes) {
        double[] weights = new double[nodes];
        for (double v : sample) {
            double position = (v - origin) / spacing;
            if (position < 0 || position > nodes - 1) {
                continue;
            }
            int i = (int) position;
            if (i == nodes - 1) {
                weights[i] += 1;
            } else {
                double w = position - i;
                weights[i] += 1 - w;
                weights[i + 1] += w;
            }
        }
        return weights;
    }
}
