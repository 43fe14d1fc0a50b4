package org.fld4j.benchmarks.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fld4j.core.internal.random.Shuffles;
import org.fld4j.metrics.fld.ConfidenceInterval;
import org.fld4j.metrics.fld.FldIntervals;

/**
 * Draws real-vs-real and distorted scores from the flows {@link CoveragePool} cached and counts how often the
 * nominal 95% intervals cover the truth. Prints markdown tables (docs/user-guide.md, "How often the interval covers
 * the truth").
 *
 * <ul>
 *   <li>FLD with one flow: generated images drawn from the evaluation pool (the same split as R_test, never trained
 *       on: truth 0) and from the test split (the other split); coverage of 0, FLD's mean and spread over the draws,
 *       the interval's mean half-width.</li>
 *   <li>FLD with K flows (random K of the pool's flows of one size, each with its own R_test): the same.</li>
 *   <li>The same two, real against real, with every score drawing its flows' R_test afresh from the evaluation pool
 *       (disjoint sets of 0.2 N images, as the library's folds are) and its generated images from the rest. The
 *       pool's flows never trained on an evaluation image, so any such draw is an R_test the library could have held
 *       out; and real against real each flow's own FLD has the truth 0, so redrawing R_test loses none of training's
 *       randomness. With the pool's fixed R_test sets every draw of one size shares the same 8 held-out sets, and the
 *       coverage counts rest on 8 independent units; redrawn, every score is independent of the others.</li>
 *   <li>Distorted images (noise sigma 8, salt-and-pepper 3%): the spread of FLD between flows beside the one-flow
 *       interval's half-width, and how often the K-flow interval stays above 0.</li>
 *   <li>D-FLD and J of two flows trained on real images of the same size (truth 0) and of different sizes.</li>
 *   <li>D-FLD and J over K pairs of flows of one size (truth 0), every score with its own held-out sets.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.fld4j.benchmarks.coverage.CoverageTable POOL_DIR [preset=small]
 * [draws=40] [K=5] [resamples=1000]}.
 */
public final class CoverageTable {

    private static final int[] GENERATED_SIZES = {500, 2000, 8000};
    private static final long DIMENSION = 784;

    private CoverageTable() {
    }

    public static void main(String[] args) throws IOException {
        Path pool = Path.of(args[0]);
        String preset = args.length > 1 ? args[1] : "small";
        int draws = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int k = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int resamples = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        TreeMap<Integer, List<PoolFlow>> bySize = read(pool, preset);
        System.out.printf(Locale.ROOT, "Pool %s: %s%n%n", pool, sizes(bySize));

        System.out.println("### FLD, real against real, one reference flow (interval: images only)");
        System.out.println();
        System.out.println("| real images | generated | flows x draws | covers 0, same split | mean FLD | sd FLD |"
                + " mean half-width | covers 0, other split | mean FLD, other split |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : bySize.entrySet()) {
            for (int n : GENERATED_SIZES) {
                oneFlowRow(e.getKey(), e.getValue(), n, draws, resamples);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "### FLD, real against real, %d reference flows (interval: images and"
                + " training)%n%n", k);
        System.out.println("| real images | generated | ensembles | covers 0, same split | mean FLD | sd FLD |"
                + " mean half-width | covers 0, other split | mean FLD, other split |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : bySize.entrySet()) {
            if (e.getValue().size() < k) {
                continue;
            }
            for (int n : GENERATED_SIZES) {
                ensembleRow(e.getKey(), e.getValue(), n, draws * e.getValue().size(), k, resamples);
            }
        }
        System.out.println();
        System.out.println("### FLD, real against real, R_test drawn afresh for every score");
        System.out.println();
        System.out.println("| real images | generated | flows | scores | covers 0 | mean FLD | sd FLD |"
                + " mean half-width |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : bySize.entrySet()) {
            for (int flows : new int[] {1, 2, 3, 5}) {
                for (int n : GENERATED_SIZES) {
                    redrawnRow(e.getKey(), e.getValue(), n, flows, draws * 25, resamples);
                }
            }
        }
        System.out.println();
        int half = bySize.values().stream().mapToInt(List::size).min().orElse(2) / 2;
        System.out.printf(Locale.ROOT, "### Distorted images (500 generated), between-flow spread and intervals%n%n");
        System.out.println("The truth, FLD's expectation over trainings, is estimated by the mean over the flows not"
                + " used (all their distorted images scored); 'covers' allows for that estimate's own standard"
                + " error.");
        System.out.println();
        System.out.println("| real images | distortion | mean FLD | sd between flows | one-flow half-width |"
                + " one-flow covers | " + half + "-flow half-width | " + half + "-flow covers | " + half
                + "-flow lower end > 0 |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : bySize.entrySet()) {
            distortedRow(e.getKey(), e.getValue(), "noise sigma 8", true, draws, half, resamples);
            distortedRow(e.getKey(), e.getValue(), "salt-and-pepper 3%", false, draws, half, resamples);
        }
        System.out.println();
        System.out.println("### D-FLD and J of two flows trained on real images (truth 0 when sizes match)");
        System.out.println();
        System.out.println("| R trained on | G trained on | pairs | signed D-FLD covers 0 | mean signed D-FLD |"
                + " sd | J covers 0 | mean J | sd J |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Integer> sizes = new ArrayList<>(bySize.keySet());
        for (int r : sizes) {
            for (int g : sizes) {
                if (r == g || (r == sizes.get(sizes.size() - 1) && g == sizes.get(0))) {
                    dualRow(bySize.get(r), bySize.get(g), resamples);
                }
            }
        }
        System.out.println();
        System.out.println("### D-FLD and J of K pairs of flows, real against real, held-out sets drawn afresh for"
                + " every score");
        System.out.println();
        System.out.println("| flows trained on | pairs | scores | signed D-FLD covers 0 | mean signed D-FLD | sd |"
                + " mean half-width | J covers 0 | mean J | sd J | mean half-width J |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : bySize.entrySet()) {
            for (int pairs = 1; pairs <= e.getValue().size() / 2; pairs++) {
                pairedRow(e.getKey(), e.getValue(), pairs, draws * 25, resamples);
            }
        }
    }

    private static TreeMap<Integer, List<PoolFlow>> read(Path pool, String preset) throws IOException {
        TreeMap<Integer, List<PoolFlow>> bySize = new TreeMap<>();
        try (Stream<Path> folders = Files.list(pool)) {
            for (Path folder : folders.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!name.startsWith(preset + "-n") || !Files.isRegularFile(folder.resolve(PoolFlow.DONE))) {
                    continue;
                }
                int n = Integer.parseInt(name.substring(preset.length() + 2, name.indexOf("-f")));
                bySize.computeIfAbsent(n, x -> new ArrayList<>()).add(PoolFlow.read(folder, n));
            }
        }
        return bySize;
    }

    private static String sizes(TreeMap<Integer, List<PoolFlow>> bySize) {
        List<String> parts = new ArrayList<>();
        bySize.forEach((n, flows) -> parts.add(flows.size() + " flows of " + n + " real images"));
        return String.join(", ", parts);
    }

    private static void oneFlowRow(int realImages, List<PoolFlow> flows, int n, int draws, int resamples) {
        Stats same = new Stats();
        Stats other = new Stats();
        SplittableRandom random = new SplittableRandom(31L * realImages + n);
        for (PoolFlow flow : flows) {
            double[] heldOut = flow.heldOutValues();
            int[] candidates = complement(flow.evaluation.length, flow.heldOut);
            if (candidates.length < n) {
                return;
            }
            for (int d = 0; d < draws; d++) {
                double[] g = pick(flow.evaluation, candidates, n, random);
                same.add(FldIntervals.fld(heldOut, g, resamples, 0.95, random.nextLong()), fld(heldOut, g), 0);
                double[] t = pick(flow.test, Shuffles.identity(flow.test.length), n, random);
                other.add(FldIntervals.fld(heldOut, t, resamples, 0.95, random.nextLong()), fld(heldOut, t), 0);
            }
        }
        System.out.printf(Locale.ROOT, "| %,d | %,d | %d x %d | %s | %.4f | %.4f | %.4f | %s | %.4f |%n", realImages, n,
                flows.size(), draws, same.coverage(), same.mean(), same.sd(), same.halfWidth(), other.coverage(),
                other.mean());
    }

    private static void ensembleRow(int realImages, List<PoolFlow> flows, int n, int ensembles, int k,
                                    int resamples) {
        Stats same = new Stats();
        Stats other = new Stats();
        SplittableRandom random = new SplittableRandom(37L * realImages + n);
        for (int e = 0; e < ensembles; e++) {
            List<PoolFlow> chosen = choose(flows, k, random);
            boolean[] excluded = new boolean[chosen.get(0).evaluation.length];
            double[][] heldOut = new double[k][];
            for (int f = 0; f < k; f++) {
                for (int i : chosen.get(f).heldOut) {
                    excluded[i] = true;
                }
                heldOut[f] = chosen.get(f).heldOutValues();
            }
            int[] candidates = complement(excluded);
            if (candidates.length < n) {
                return;
            }
            int[] gIdx = draw(candidates, n, random);
            int[] tIdx = draw(Shuffles.identity(chosen.get(0).test.length), n, random);
            double[][] g = new double[k][];
            double[][] t = new double[k][];
            for (int f = 0; f < k; f++) {
                g[f] = select(chosen.get(f).evaluation, gIdx);
                t[f] = select(chosen.get(f).test, tIdx);
            }
            same.add(FldIntervals.ensemble(heldOut, g, resamples, 0.95, random.nextLong()), ensembleValue(heldOut, g),
                    0);
            other.add(FldIntervals.ensemble(heldOut, t, resamples, 0.95, random.nextLong()), ensembleValue(heldOut, t),
                    0);
        }
        System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %s | %.4f | %.4f | %.4f | %s | %.4f |%n", realImages, n,
                ensembles, same.coverage(), same.mean(), same.sd(), same.halfWidth(), other.coverage(), other.mean());
    }

    /**
     * Real against real with R_test redrawn for every score: {@code flows} random flows of the pool, disjoint held-out
     * sets of {@code 0.2 N} evaluation images (one per flow) and {@code n} generated images from the rest of the
     * evaluation pool; skipped where the evaluation pool is too small for that.
     */
    private static void redrawnRow(int realImages, List<PoolFlow> flows, int n, int k, int scores, int resamples) {
        int h = (int) Math.round(0.2 * realImages);
        int pool = flows.get(0).evaluation.length;
        if (flows.size() < k || k * h + n > pool) {
            return;
        }
        Stats stats = new Stats();
        SplittableRandom random = new SplittableRandom(47L * realImages + 13L * n + k);
        for (int s = 0; s < scores; s++) {
            List<PoolFlow> chosen = choose(flows, k, random);
            int[] order = draw(Shuffles.identity(pool), k * h + n, random);
            int[] gIdx = Arrays.copyOfRange(order, k * h, k * h + n);
            double[][] heldOut = new double[k][];
            double[][] g = new double[k][];
            for (int f = 0; f < k; f++) {
                heldOut[f] = select(chosen.get(f).evaluation, Arrays.copyOfRange(order, f * h, (f + 1) * h));
                g[f] = select(chosen.get(f).evaluation, gIdx);
            }
            if (k == 1) {
                stats.add(FldIntervals.fld(heldOut[0], g[0], resamples, 0.95, random.nextLong()), fld(heldOut[0], g[0]),
                        0);
            } else {
                stats.add(FldIntervals.ensemble(heldOut, g, resamples, 0.95, random.nextLong()),
                        ensembleValue(heldOut, g), 0);
            }
        }
        System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %d | %s | %.4f | %.4f | %.4f |%n", realImages, n, k, scores,
                stats.coverage(), stats.mean(), stats.sd(), stats.halfWidth());
    }

    /**
     * The truth of a distorted set is FLD's expectation over trainings; it is estimated by the mean over the flows not
     * in an ensemble, all distorted images not held out by a flow scored.
     */
    private static void distortedRow(int realImages, List<PoolFlow> flows, String name, boolean noise, int draws,
                                     int k, int resamples) {
        int n = 500;
        SplittableRandom random = new SplittableRandom(41L * realImages + (noise ? 1 : 2));
        double[] full = new double[flows.size()];
        for (int f = 0; f < flows.size(); f++) {
            PoolFlow flow = flows.get(f);
            double[] values = noise ? flow.noise : flow.saltPepper;
            full[f] = fld(flow.heldOutValues(), select(values, complement(values.length, flow.heldOut)));
        }
        Stats single = new Stats();
        for (int f = 0; f < flows.size(); f++) {
            PoolFlow flow = flows.get(f);
            double[] values = noise ? flow.noise : flow.saltPepper;
            double[] others = new double[flows.size() - 1];
            for (int o = 0, m = 0; o < flows.size(); o++) {
                if (o != f) {
                    others[m++] = full[o];
                }
            }
            int[] candidates = complement(values.length, flow.heldOut);
            for (int d = 0; d < draws; d++) {
                double[] g = pick(values, candidates, n, random);
                single.addAgainstEstimate(FldIntervals.fld(flow.heldOutValues(), g, resamples, 0.95, random.nextLong()),
                        fld(flow.heldOutValues(), g), mean(others), sd(others) / Math.sqrt(others.length));
            }
        }
        Stats ensemble = new Stats();
        int above = 0;
        int ensembles = draws * flows.size();
        int drawn = 0;
        if (flows.size() > k && k >= 2) {
            for (int e = 0; e < ensembles; e++) {
                int[] order = draw(Shuffles.identity(flows.size()), flows.size(), random);
                double[][] heldOut = new double[k][];
                double[][] g = new double[k][];
                boolean[] excluded = new boolean[(noise ? flows.get(0).noise : flows.get(0).saltPepper).length];
                for (int f = 0; f < k; f++) {
                    for (int i : flows.get(order[f]).heldOut) {
                        if (i < excluded.length) {
                            excluded[i] = true;
                        }
                    }
                }
                int[] candidates = complement(excluded);
                if (candidates.length < n) {
                    // the k flows' held-out sets leave fewer than n distorted images: a pool that scored few
                    // images for its size has no such ensemble
                    continue;
                }
                drawn++;
                int[] gIdx = draw(candidates, n, random);
                double[] others = new double[flows.size() - k];
                for (int f = 0; f < flows.size(); f++) {
                    if (f < k) {
                        PoolFlow flow = flows.get(order[f]);
                        heldOut[f] = flow.heldOutValues();
                        g[f] = select(noise ? flow.noise : flow.saltPepper, gIdx);
                    } else {
                        others[f - k] = full[order[f]];
                    }
                }
                ConfidenceInterval interval = FldIntervals.ensemble(heldOut, g, resamples, 0.95, random.nextLong());
                ensemble.addAgainstEstimate(interval, ensembleValue(heldOut, g), mean(others),
                        others.length > 1 ? sd(others) / Math.sqrt(others.length) : 0);
                if (interval.lower() > 0) {
                    above++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "| %,d | %s | %.4f | %.4f | %.4f | %s | %s | %s | %s |%n", realImages, name,
                mean(full), sd(full), single.halfWidth(), single.coverage(),
                drawn == 0 ? "-" : String.format(Locale.ROOT, "%.4f", ensemble.halfWidth()), ensemble.coverage(),
                drawn == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", above, drawn));
    }

    /**
     * Every ordered pair of distinct flows (R from {@code real}, G from {@code generated}): R_test is R's held-out
     * images, G_test G's (less those R holds out).
     */
    private static void dualRow(List<PoolFlow> real, List<PoolFlow> generated, int resamples) {
        Stats difference = new Stats();
        Stats j = new Stats();
        SplittableRandom random = new SplittableRandom(43L * real.get(0).realImages + generated.get(0).realImages);
        for (PoolFlow r : real) {
            for (PoolFlow g : generated) {
                if (r == g) {
                    continue;
                }
                boolean[] inR = new boolean[r.evaluation.length];
                for (int i : r.heldOut) {
                    inR[i] = true;
                }
                int[] gTest = Arrays.stream(g.heldOut).filter(i -> !inR[i]).toArray();
                FldIntervals.Dual dual = FldIntervals.dual(select(r.evaluation, r.heldOut),
                        select(g.evaluation, r.heldOut), select(g.evaluation, gTest), select(r.evaluation, gTest),
                        DIMENSION, resamples, 0.95, random.nextLong());
                difference.add(dual.differenceInterval(), dual.difference(), 0);
                j.add(dual.divergenceInterval(), dual.divergence(), 0);
            }
        }
        System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %s | %.4f | %.4f | %s | %.4f | %.4f |%n",
                Math.round(real.get(0).realImages * 0.8), Math.round(generated.get(0).realImages * 0.8),
                difference.count, difference.coverage(), difference.mean(), difference.sd(), j.coverage(), j.mean(),
                j.sd());
    }

    /**
     * D-FLD and J real against real (truth 0) over {@code pairs} pairs of distinct flows of one size, every score with
     * its own disjoint held-out sets of {@code 0.2 N} evaluation images for each of the {@code 2 pairs} flows, as the
     * library's folds give: one pair's interval is the image bootstrap, K pairs' the spread between pairs with each
     * pair's held-out noise as its floor ({@code FldIntervals.dualPairs}). Skipped where the evaluation pool cannot
     * hold the held-out sets.
     */
    private static void pairedRow(int realImages, List<PoolFlow> flows, int pairs, int scores, int resamples) {
        int h = (int) Math.round(0.2 * realImages);
        int pool = flows.get(0).evaluation.length;
        if (flows.size() < 2 * pairs || 2 * pairs * h > pool) {
            return;
        }
        Stats difference = new Stats();
        Stats j = new Stats();
        SplittableRandom random = new SplittableRandom(53L * realImages + pairs);
        for (int s = 0; s < scores; s++) {
            List<PoolFlow> chosen = choose(flows, 2 * pairs, random);
            int[] order = draw(Shuffles.identity(pool), 2 * pairs * h, random);
            double[][] rr = new double[pairs][];
            double[][] gr = new double[pairs][];
            double[][] gg = new double[pairs][];
            double[][] rg = new double[pairs][];
            for (int p = 0; p < pairs; p++) {
                PoolFlow r = chosen.get(2 * p);
                PoolFlow g = chosen.get(2 * p + 1);
                int[] rTest = Arrays.copyOfRange(order, 2 * p * h, (2 * p + 1) * h);
                int[] gTest = Arrays.copyOfRange(order, (2 * p + 1) * h, (2 * p + 2) * h);
                rr[p] = select(r.evaluation, rTest);
                gr[p] = select(g.evaluation, rTest);
                gg[p] = select(g.evaluation, gTest);
                rg[p] = select(r.evaluation, gTest);
            }
            FldIntervals.Dual dual = pairs == 1
                    ? FldIntervals.dual(rr[0], gr[0], gg[0], rg[0], DIMENSION, resamples, 0.95, random.nextLong())
                    : FldIntervals.dualPairs(rr, gr, gg, rg, DIMENSION, 0.95);
            difference.add(dual.differenceInterval(), dual.difference(), 0);
            j.add(dual.divergenceInterval(), dual.divergence(), 0);
        }
        System.out.printf(Locale.ROOT, "| %,d | %d | %d | %s | %.4f | %.4f | %.4f | %s | %.4f | %.4f | %.4f |%n",
                Math.round(realImages * 0.8), pairs, scores, difference.coverage(), difference.mean(), difference.sd(),
                difference.halfWidth(), j.coverage(), j.mean(), j.sd(), j.halfWidth());
    }

    /** Coverage of a truth, and the values and half-widths of many intervals. */
    private static final class Stats {
        int count;
        int covered;
        double sum;
        double squares;
        double halfWidths;

        void add(ConfidenceInterval interval, double value, double truth) {
            count++;
            if (interval.contains(truth)) {
                covered++;
            }
            sum += value;
            squares += value * value;
            halfWidths += interval.halfWidth();
        }

        /**
         * Coverage of a truth known only as an estimate with standard error {@code se}: the interval is widened to
         * {@code sqrt(h^2 + (1.96 se)^2)}, what it would need to cover the estimate if it covered the truth.
         */
        void addAgainstEstimate(ConfidenceInterval interval, double value, double estimate, double se) {
            double half = Math.sqrt(interval.halfWidth() * interval.halfWidth() + 1.96 * 1.96 * se * se);
            double centre = (interval.lower() + interval.upper()) / 2;
            add(new ConfidenceInterval(centre - half, centre + half, interval.confidence(), interval.resamples()),
                    value, estimate);
            halfWidths += interval.halfWidth() - half;
        }

        String coverage() {
            if (count == 0) {
                return "-";
            }
            double p = covered / (double) count;
            // a binomial proportion's standard error, so that a reader sees how precise the count is
            return String.format(Locale.ROOT, "%.1f%% (+-%.1f)", 100 * p, 100 * Math.sqrt(p * (1 - p) / count));
        }

        double mean() {
            return sum / count;
        }

        double sd() {
            return Math.sqrt(Math.max(0, (squares - sum * sum / count) / (count - 1)));
        }

        double halfWidth() {
            return halfWidths / count;
        }
    }

    private static double ensembleValue(double[][] heldOut, double[][] g) {
        double[] means = new double[heldOut.length];
        for (int f = 0; f < means.length; f++) {
            means[f] = mean(heldOut[f]);
        }
        return FldIntervals.flowValues(means, g).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double fld(double[] heldOut, double[] generated) {
        return Math.log(mean(generated) / mean(heldOut));
    }

    private static List<PoolFlow> choose(List<PoolFlow> flows, int k, SplittableRandom random) {
        int[] order = draw(Shuffles.identity(flows.size()), k, random);
        List<PoolFlow> chosen = new ArrayList<>();
        for (int i : order) {
            chosen.add(flows.get(i));
        }
        return chosen;
    }

    /** Indices {@code 0..n-1} not in {@code taken}. */
    private static int[] complement(int n, int[] taken) {
        boolean[] excluded = new boolean[n];
        for (int i : taken) {
            if (i < n) {
                excluded[i] = true;
            }
        }
        return complement(excluded);
    }

    private static int[] complement(boolean[] excluded) {
        int[] out = new int[excluded.length];
        int m = 0;
        for (int i = 0; i < excluded.length; i++) {
            if (!excluded[i]) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** {@code n} distinct values of {@code candidates}, drawn without replacement. */
    private static int[] draw(int[] candidates, int n, SplittableRandom random) {
        int[] pool = candidates.clone();
        Shuffles.shuffleFront(pool, n, random);
        return Arrays.copyOf(pool, n);
    }

    private static double[] pick(double[] values, int[] candidates, int n, SplittableRandom random) {
        return select(values, draw(candidates, n, random));
    }

    private static double[] select(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    private static double mean(double[] v) {
        return sum(v) / v.length;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
