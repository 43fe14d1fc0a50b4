package org.fld4j.metrics.likelihood;

/**
 * The overlapping coefficient {@code OVL = integral of min(f(x), g(x)) dx} of two densities (Inman
 * and Bradley 1989): 1 for identical densities, 0 for densities without common support. Here f and g
 * are kernel density estimates of two samples, and the integral is the trapezoid rule over the union
 * of their supports on a grid a quarter of the smaller bandwidth apart (at least 1,025 and at most
 * 2^20 points).
 */
public final class OverlapCoefficient {

    private static final int MIN_POINTS = 1025;
    private static final int MAX_POINTS = 1 << 20;

    private OverlapCoefficient() {
    }

    /** The OVL of the kernel density estimates of {@code a} and {@code b}, each with its own {@code rule} bandwidth. */
    public static double of(double[] a, double[] b, BandwidthRule rule) {
        return of(KernelDensityEstimate.of(a, rule), KernelDensityEstimate.of(b, rule));
    }

    /** The OVL of two kernel density estimates. */
    public static double of(KernelDensityEstimate f, KernelDensityEstimate g) {
        double reach = KernelDensityEstimate.CUTOFF;
        double lo = Math.min(f.min() - reach * f.bandwidth(), g.min() - reach * g.bandwidth());
        double hi = Math.max(f.max() + reach * f.bandwidth(), g.max() + reach * g.bandwidth());
        double spacing = Math.min(f.bandwidth(), g.bandwidth()) / 4;
        long wanted = (long) Math.ceil((hi - lo) / spacing) + 1;
        int points = (int) Math.max(MIN_POINTS, Math.min(MAX_POINTS, wanted));
        DensityCurve fc = f.curve(lo, hi, points);
        double[] x = fc.x();
        double[] fd = fc.density();
        double[] gd = g.curve(lo, hi, points).density();
        double sum = 0;
        for (int k = 1; k < points; k++) {
            sum += 0.5 * (Math.min(fd[k], gd[k]) + Math.min(fd[k - 1], gd[k - 1])) * (x[k] - x[k - 1]);
        }
        return Math.min(1.0, sum);
    }
}
