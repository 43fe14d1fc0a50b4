package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The warnings a score's image counts call for, the same for FLD and D-FLD, decided by the counts alone so that
 * the same sets always give the same warnings.
 *
 * <p>Where the thresholds come from. The spread of FLD over random subsets of generated images was measured on
 * Fashion-MNIST (fld4j's user guide, "Sample efficiency": one fld-paper reference, 5,000 held-out test images,
 * generated images with additive noise sigma 8, 20 subsets a size): standard deviation 0.0106 at 50 images,
 * 0.0075 at 100, 0.0061 at 200, 0.0023 at 500, 0.0019 at 1,000, about {@code 0.075 / sqrt(n)}. Fifty is the
 * smallest size measured; below it the spread is extrapolated only (0.024 at 10, 0.053 at 2, the size of the
 * differences FLD is used to rank), and the percentile bootstrap's coverage for a mean falls short of its
 * nominal level at small n by an amount that shrinks like {@code 1/n}, so an interval from a handful of images
 * is both wide and too narrow. Both means enter FLD alike, so the same threshold holds for R_test.
 */
public final class ScoreWarnings {

    /**
     * Sets (generated, or held-out real) smaller than this are warned about: 50, the smallest size whose spread
     * the user guide measured (standard deviation 0.0106, 1.9% of an FLD of 0.55).
     */
    public static final int SMALL_SET = 50;

    /**
     * Generated images per held-out real image from which the interval is said to be set by R_test. With
     * similar per-image spreads the interval's variance is {@code s^2 (1/n_G + 1/n_R)}; at
     * {@code n_G = 10 n_R} the generated images contribute 1/11 of it, and no number of further generated
     * images could narrow the interval by more than {@code 1 - sqrt(10/11)}, under 5%.
     */
    public static final int LARGE_RATIO = 10;

    /**
     * The fewest generated images FLD is computed from: with one image every bootstrap resample of the
     * generated set is that image, and the interval reflects only R_test's spread, however far the image is
     * from typical (a single image gets a "significant" interval).
     */
    public static final int MIN_GENERATED_IMAGES = 2;

    private ScoreWarnings() {
    }

    /**
     * The warnings for a score from {@code generated} (held-out, for D-FLD) generated images against
     * {@code heldOut} held-out real images, in a fixed order.
     */
    public static List<ScoreWarning> forCounts(long generated, long heldOut) {
        List<ScoreWarning> warnings = new ArrayList<>();
        if (generated < SMALL_SET) {
            warnings.add(new ScoreWarning(ScoreWarning.SMALL_GENERATED_SET, String.format(Locale.ROOT,
                    "only %d generated images: below %d the interval is wide and may cover less than it says"
                            + " (FLD's spread over subsets of 50 images was 0.011 on Fashion-MNIST); score a few"
                            + " hundred or more", generated, SMALL_SET)));
        }
        if (heldOut < SMALL_SET) {
            warnings.add(new ScoreWarning(ScoreWarning.SMALL_HELD_OUT_SET, String.format(Locale.ROOT,
                    "only %d held-out real images in R_test: below %d the real side of the interval is unreliable;"
                            + " use more real images or a larger held-out fraction", heldOut, SMALL_SET)));
        }
        if (heldOut > 0 && generated >= LARGE_RATIO * heldOut) {
            warnings.add(new ScoreWarning(ScoreWarning.GENERATED_MUCH_LARGER_THAN_HELD_OUT, String.format(
                    Locale.ROOT, "%d generated images against %d held-out real images: the interval is set by the"
                            + " held-out real images, and more generated images would not narrow it; hold out more"
                            + " real images", generated, heldOut)));
        }
        return List.copyOf(warnings);
    }

    /** The messages of {@code warnings}, in order. */
    static List<String> messages(List<ScoreWarning> warnings) {
        return warnings.stream().map(ScoreWarning::message).toList();
    }
}
