package org.fld4j.metrics.fld;

import java.util.List;
import java.util.Locale;

/**
 * A D-FLD score, immutable. R is the flow trained on real images, G the flow trained on generated
 * images; each is evaluated on both held-out sets. With K pairs of such flows ({@link FldOptions#referenceFlows()}
 * of the real options, docs/maths.md), the values and bits per dimension are the means over the pairs, and the
 * intervals are the t intervals of the pairs' values, which carry the randomness of training both flows and of their
 * held-out images; with one pair they are percentile bootstraps of the images alone.
 *
 * @param value               {@code D-FLD = | ln bpd_G(G_test) - ln bpd_R(R_test) |}
 * @param interval            the interval of {@link #value}: one pair's percentile bootstrap (both held-out sets
 *                            resampled), or K pairs' signed interval folded at 0
 * @param difference          the signed {@code ln bpd_G(G_test) - ln bpd_R(R_test)}: below 0 when the generated
 *                            images are easier for their own flow than real images for theirs
 * @param differenceInterval  bootstrap interval of {@link #difference}; D-FLD is distinguishable from 0 when
 *                            this interval does not contain 0 (D-FLD's own interval, of an absolute value,
 *                            never reaches below 0)
 * @param divergence          {@code J}, the cross-likelihood estimate of the symmetric KL divergence
 *                            between the real and generated distributions, in bits per dimension
 * @param divergenceInterval  bootstrap interval of {@link #divergence}
 * @param bpdRealOnReal       {@code bpd_R(R_test)}
 * @param bpdRealOnGenerated  {@code bpd_R(G_test)}
 * @param bpdGeneratedOnGenerated {@code bpd_G(G_test)}
 * @param bpdGeneratedOnReal  {@code bpd_G(R_test)}
 * @param realCount           held-out real images (of each pair)
 * @param generatedCount      held-out generated images (of each pair)
 * @param generatedTraining   generated images the G flow was trained on
 * @param warnings            what makes the score less trustworthy (e.g. too few generated images): the
 *                            messages of {@code scoreWarnings}
 * @param scoreWarnings       the same warnings with their codes ({@link ScoreWarning}), in the same order
 * @param realTraining        real images the R flow was trained on; equal to {@code generatedTraining} when the
 *                            score is size-matched ({@link DualFld#sizeMatched(boolean)}), 0 when unknown
 * @param pairDifferences     each pair's signed difference, in pair order (one value for one pair)
 * @param pairDivergences     each pair's J, in pair order
 */
public record DualFldScore(double value, ConfidenceInterval interval, double difference,
                           ConfidenceInterval differenceInterval, double divergence,
                           ConfidenceInterval divergenceInterval, double bpdRealOnReal, double bpdRealOnGenerated,
                           double bpdGeneratedOnGenerated, double bpdGeneratedOnReal, int realCount,
                           int generatedCount, long generatedTraining, List<String> warnings,
                           List<ScoreWarning> scoreWarnings, long realTraining, List<Double> pairDifferences,
                           List<Double> pairDivergences) implements java.io.Serializable {

    public DualFldScore {
        scoreWarnings = List.copyOf(scoreWarnings);
        warnings = List.copyOf(warnings);
        pairDifferences = List.copyOf(pairDifferences);
        pairDivergences = List.copyOf(pairDivergences);
        if (!warnings.equals(ScoreWarnings.messages(scoreWarnings))) {
            throw new IllegalArgumentException("warnings " + warnings + " are not the messages of " + scoreWarnings);
        }
        if (pairDifferences.isEmpty() || pairDifferences.size() != pairDivergences.size()) {
            throw new IllegalArgumentException("each pair of flows needs its signed difference and its J: got "
                    + pairDifferences.size() + " and " + pairDivergences.size());
        }
    }

    /** A score of one pair of flows. */
    public DualFldScore(double value, ConfidenceInterval interval, double difference,
                        ConfidenceInterval differenceInterval, double divergence,
                        ConfidenceInterval divergenceInterval, double bpdRealOnReal, double bpdRealOnGenerated,
                        double bpdGeneratedOnGenerated, double bpdGeneratedOnReal, int realCount,
                        int generatedCount, long generatedTraining, List<String> warnings,
                        List<ScoreWarning> scoreWarnings, long realTraining) {
        this(value, interval, difference, differenceInterval, divergence, divergenceInterval, bpdRealOnReal,
                bpdRealOnGenerated, bpdGeneratedOnGenerated, bpdGeneratedOnReal, realCount, generatedCount,
                generatedTraining, warnings, scoreWarnings, realTraining, List.of(difference), List.of(divergence));
    }

    /** K, the pairs of flows behind the score. */
    public int pairs() {
        return pairDifferences.size();
    }

    /** The standard deviation of the pairs' signed differences; 0 with one pair. */
    public double betweenPairDifferenceSd() {
        return FldFormulas.sampleSd(pairDifferences);
    }

    /** The standard deviation of the pairs' J; 0 with one pair. */
    public double betweenPairDivergenceSd() {
        return FldFormulas.sampleSd(pairDivergences);
    }

    /**
     * What the intervals account for: the images alone for one pair, and with K pairs also the training of both
     * flows (and each pair's own held-out images).
     */
    public IntervalScope intervalScope() {
        return pairs() == 1 ? IntervalScope.IMAGES : IntervalScope.IMAGES_AND_TRAINING;
    }

    /** A score that does not say how many real images R was trained on. */
    public DualFldScore(double value, ConfidenceInterval interval, double difference,
                        ConfidenceInterval differenceInterval, double divergence,
                        ConfidenceInterval divergenceInterval, double bpdRealOnReal, double bpdRealOnGenerated,
                        double bpdGeneratedOnGenerated, double bpdGeneratedOnReal, int realCount,
                        int generatedCount, long generatedTraining, List<String> warnings,
                        List<ScoreWarning> scoreWarnings) {
        this(value, interval, difference, differenceInterval, divergence, divergenceInterval, bpdRealOnReal,
                bpdRealOnGenerated, bpdGeneratedOnGenerated, bpdGeneratedOnReal, realCount, generatedCount,
                generatedTraining, warnings, scoreWarnings, 0);
    }

    /**
     * Whether both flows were trained on as many images, so that D-FLD compares how well each learns its set and
     * not how many images each had.
     */
    public boolean sizeMatched() {
        return realTraining == generatedTraining;
    }

    /** A score whose warnings carry no code ({@link ScoreWarning#UNCLASSIFIED}); kept for existing callers. */
    public DualFldScore(double value, ConfidenceInterval interval, double difference,
                        ConfidenceInterval differenceInterval, double divergence,
                        ConfidenceInterval divergenceInterval, double bpdRealOnReal, double bpdRealOnGenerated,
                        double bpdGeneratedOnGenerated, double bpdGeneratedOnReal, int realCount,
                        int generatedCount, long generatedTraining, List<String> warnings) {
        this(value, interval, difference, differenceInterval, divergence, divergenceInterval, bpdRealOnReal,
                bpdRealOnGenerated, bpdGeneratedOnGenerated, bpdGeneratedOnReal, realCount, generatedCount,
                generatedTraining, warnings,
                warnings.stream().map(w -> new ScoreWarning(ScoreWarning.UNCLASSIFIED, w)).toList());
    }

    /** E.g. {@code D-FLD 0.0312 [0.0101, 0.0540] (95%), J 0.0821 bpd [...], bpd R/R 3.01 G/G 3.10 ...}. */
    public String summary() {
        return String.format(Locale.ROOT, "D-FLD %.4f [%.4f, %.4f] (%.0f%%), J %.4f bpd [%.4f, %.4f]; bpd R on R %.4f,"
                        + " R on G %.4f, G on G %.4f, G on R %.4f (%d real / %d generated held out%s)%s", value,
                interval.lower(), interval.upper(), 100 * interval.confidence(), divergence,
                divergenceInterval.lower(), divergenceInterval.upper(), bpdRealOnReal, bpdRealOnGenerated,
                bpdGeneratedOnGenerated, bpdGeneratedOnReal, realCount, generatedCount,
                pairs() == 1 ? "" : " per pair, means of " + pairs() + " pairs of flows",
                warnings.isEmpty() ? "" : "; " + String.join("; ", warnings));
    }
}
