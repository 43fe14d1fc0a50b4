package org.fld4j.metrics.memorization;

import java.util.List;
import java.util.Locale;

/**
 * The copy check of a generated set, immutable.
 *
 * @param copyShare            estimated share of copies: {@code (flagged share - q) / (1 - q)}, q the flag quantile
 *                             (0 when the generated images are as far from the training images as unseen real ones)
 * @param copyShareLower       its interval's lower end (percentile bootstrap over generated and held-out images)
 * @param copyShareUpper       its upper end
 * @param confidence           the intervals' coverage
 * @param flagged              generated images flagged as near-copies
 * @param generated            generated images checked
 * @param threshold            the distance below which an image is flagged
 * @param mannWhitneyZ         the rank-sum z of the generated against the held-out distances: below 0 when generated
 *                             images lie closer to the training images than unseen real images do
 * @param memorized            the copyShare interval lies above 0 and z is below {@value CopyCheck#Z_LIMIT}
 * @param likelihoodRatio      {@code M_L = (l(G) - l(H)) / (l(T) - l(H))}: 0 as likely as held-out real images, 1
 *                             as likely as training images (NaN without log-likelihoods or when {@code l(T) <= l(H)})
 * @param likelihoodRatioLower its interval's lower end (NaN when M_L is)
 * @param likelihoodRatioUpper its upper end
 * @param fldWithoutCopies     FLD of the generated images not flagged (NaN without log-likelihoods or when all are)
 * @param explanation          when FLD is below 0 and the set is memorized, a sentence saying so; otherwise empty
 * @param perImage             every generated image's check, in order
 */
public record MemorizationResult(double copyShare, double copyShareLower, double copyShareUpper, double confidence,
                                 int flagged, int generated, double threshold, double mannWhitneyZ, boolean memorized,
                                 double likelihoodRatio, double likelihoodRatioLower, double likelihoodRatioUpper,
                                 double fldWithoutCopies, String explanation, List<ImageCopyScore> perImage) {

    public MemorizationResult {
        perImage = List.copyOf(perImage);
    }

    /** E.g. {@code near-copies 212 of 500 (copy share 0.42 [0.38, 0.46]), z -14.2: memorized}. */
    public String summary() {
        return String.format(Locale.ROOT, "near-copies of training images: %d of %d (copy share %.3f [%.3f, %.3f]),"
                        + " rank-sum z %.1f: %s", flagged, generated, copyShare, copyShareLower, copyShareUpper,
                mannWhitneyZ, memorized ? "the set copies training images" : "no sign of copying");
    }
}
