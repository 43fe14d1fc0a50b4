package org.fld4j.metrics.fld;

import java.util.Arrays;

/**
 * How {@link SampleEfficiency} draws its subsets, validated on construction: an invalid value throws an
 * {@link IllegalArgumentException} naming the option and the value.
 *
 * @param sizes         subset sizes, strictly increasing, each at least 1; sizes larger than the scored set are
 *                      left out of the result (with a note)
 * @param repeats       subsets drawn at each size, 2 (so that a standard deviation exists) to {@value #MAX_REPEATS}
 * @param seed          seed of the draws; a size's subsets depend only on the seed and the size
 * @param subsampleReal whether the held-out real images are subsampled to the same size as the generated ones
 *                      (see {@link SampleEfficiency} for what each choice measures)
 */
public record SampleEfficiencyOptions(int[] sizes, int repeats, long seed, boolean subsampleReal) {

    private static final int[] DEFAULT_SIZES = {50, 100, 200, 500, 1000, 2000, 5000};

    public SampleEfficiencyOptions {
        require(sizes != null && sizes.length > 0, "sizes", sizes == null ? null : Arrays.toString(sizes));
        sizes = sizes.clone();
        for (int i = 0; i < sizes.length; i++) {
            require(sizes[i] >= 1 && (i == 0 || sizes[i] > sizes[i - 1]), "sizes",
                    Arrays.toString(sizes) + " (need strictly increasing sizes >= 1)");
        }
        require(repeats >= 2 && repeats <= MAX_REPEATS, "repeats", repeats + " (allowed: 2 to " + MAX_REPEATS + ")");
    }

    /**
     * The most subsets drawn at one size. The spread the subsets measure is a standard deviation, whose relative
     * standard error from R draws is about {@code 1 / sqrt(2 (R - 1))}: 0.7% at 10,000, already far below the
     * differences the sizes are compared by. Each repeat holds a double and costs a draw per image of the size,
     * so an unbounded count ({@code --repeats 2000000000}) asks for gigabytes and hours.
     */
    public static final int MAX_REPEATS = 10_000;

    private static void require(boolean ok, String option, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid sample-efficiency option " + option + ": " + value);
        }
    }

    /** Sizes 50, 100, 200, 500, 1,000, 2,000 and 5,000; 20 repeats; seed 0; the full held-out real set. */
    public static SampleEfficiencyOptions defaults() {
        return new SampleEfficiencyOptions(DEFAULT_SIZES, 20, 0L, false);
    }

    /** The subset sizes; a fresh copy. */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    public SampleEfficiencyOptions withSizes(int... value) {
        return new SampleEfficiencyOptions(value, repeats, seed, subsampleReal);
    }

    public SampleEfficiencyOptions withRepeats(int value) {
        return new SampleEfficiencyOptions(sizes, value, seed, subsampleReal);
    }

    public SampleEfficiencyOptions withSeed(long value) {
        return new SampleEfficiencyOptions(sizes, repeats, value, subsampleReal);
    }

    public SampleEfficiencyOptions withSubsampleReal(boolean value) {
        return new SampleEfficiencyOptions(sizes, repeats, seed, value);
    }

    // A record compares arrays by reference; options are values, so compare the sizes' contents.
    @Override
    public boolean equals(Object other) {
        return other instanceof SampleEfficiencyOptions o && Arrays.equals(sizes, o.sizes) && repeats == o.repeats
                && seed == o.seed && subsampleReal == o.subsampleReal;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(sizes) + repeats) + Long.hashCode(seed)) + Boolean.hashCode(subsampleReal);
    }

    @Override
    public String toString() {
        return "SampleEfficiencyOptions[sizes=" + Arrays.toString(sizes) + ", repeats=" + repeats + ", seed=" + seed
                + ", subsampleReal=" + subsampleReal + "]";
    }
}
