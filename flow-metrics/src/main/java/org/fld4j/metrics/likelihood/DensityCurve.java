package org.fld4j.metrics.likelihood;

import java.util.Arrays;

/**
 * A density evaluated on a grid: {@code density[k]} at {@code x[k]}, x increasing. Arrays are copied
 * in and out, so a curve never changes; two curves are equal when their grids, densities and bandwidths
 * are.
 *
 * @param x         grid points
 * @param density   density values at the grid points
 * @param bandwidth the kernel bandwidth that produced the curve
 */
public record DensityCurve(double[] x, double[] density, double bandwidth) {

    public DensityCurve {
        if (x == null || density == null || x.length != density.length || x.length < 2) {
            throw new IllegalArgumentException("x and density must have the same length, at least 2");
        }
        x = x.clone();
        density = density.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] density() {
        return density.clone();
    }

    public int size() {
        return x.length;
    }

    /** The trapezoid-rule integral of the curve over its grid. */
    public double integral() {
        double sum = 0;
        for (int k = 1; k < x.length; k++) {
            sum += 0.5 * (density[k] + density[k - 1]) * (x[k] - x[k - 1]);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensityCurve other && Arrays.equals(x, other.x) && Arrays.equals(density, other.density)
                && Double.compare(bandwidth, other.bandwidth) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(density)) + Double.hashCode(bandwidth);
    }

    @Override
    public String toString() {
        return "DensityCurve[" + x.length + " points on [" + x[0] + ", " + x[x.length - 1] + "], bandwidth "
                + bandwidth + "]";
    }
}
