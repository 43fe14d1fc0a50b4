package org.fld4j.metrics.fld;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;
import org.fld4j.core.train.TrainerOptions;
import org.fld4j.io.preprocess.ResizeFilter;

/**
 * What a reference file records, beyond its options and held-out statistics, so that a published reference says
 * how it was made: the real set's description and preprocessing, the optimiser and learning rate of the training
 * recipe, and the ND4J and Java versions that trained it (the fld4j version is the file's {@code writtenBy}).
 * Files written before cards existed have none ({@link FldReference#card()} is empty); what such a file still
 * tells (shape, fingerprint, preset, epochs, seeds, held-out bpd) comes from its other fields.
 *
 * @param realSet      the real set as its trainer described it
 * @param optimizer    the training recipe's optimiser, e.g. {@code adamw}
 * @param learningRate the recipe's peak learning rate (positive, finite)
 * @param nd4jVersion  the ND4J version that trained the flows, or {@code unknown}
 * @param javaVersion  the Java runtime that trained them, e.g. {@code 17.0.9 (Eclipse Adoptium)}
 * @param resampler    the resampler that resized the real images: {@link ResizeFilter#PILLOW_MATCH} for cards written
 *                     since fld4j's resize matched Pillow's (a reference is only portable if other images reach it the
 *                     same way), empty for cards written before, whose resampler differed from Pillow's by a level
 *                     in many pixels
 */
public record ReferenceCard(RealSetDescription realSet, String optimizer, double learningRate, String nd4jVersion,
                            String javaVersion, String resampler) {

    /** The longest version or optimiser name a card holds: a version string, not a document. */
    static final int MAX_NAME_CHARS = 200;

    public ReferenceCard {
        Objects.requireNonNull(realSet, "realSet");
        requireName(optimizer, "optimizer");
        requireName(nd4jVersion, "nd4jVersion");
        requireName(javaVersion, "javaVersion");
        Objects.requireNonNull(resampler, "resampler");
        if (!resampler.isEmpty()) {
            requireName(resampler, "resampler");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("invalid reference card field learningRate: " + learningRate
                    + " (a positive finite number)");
        }
    }

    /** A card written now: its images, when resized, were resized as {@link ResizeFilter#PILLOW_MATCH} states. */
    public ReferenceCard(RealSetDescription realSet, String optimizer, double learningRate, String nd4jVersion,
                         String javaVersion) {
        this(realSet, optimizer, learningRate, nd4jVersion, javaVersion, ResizeFilter.PILLOW_MATCH);
    }

    /** Whether the card records which resampler resized its images (cards written before it did not). */
    public boolean resamplerRecorded() {
        return !resampler.isEmpty();
    }

    private static void requireName(String value, String field) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME_CHARS
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid reference card field " + field + ": "
                    + (value == null ? "missing" : "\"" + value + "\"") + " (one line of 1 to " + MAX_NAME_CHARS
                    + " characters)");
        }
    }

    /** The card of a reference trained now, in this runtime, with {@code recipe}. */
    static ReferenceCard ofTraining(RealSetDescription realSet, TrainerOptions recipe) {
        return ofThisRuntime(realSet, recipe.optimizer().name().toLowerCase(java.util.Locale.ROOT),
                recipe.learningRate());
    }

    /**
     * The card of a flow trained by fld4j in this runtime (ND4J and Java versions from it) outside {@link Fld#of},
     * e.g. by a {@link org.fld4j.core.train.Trainer} of one's own, to publish with {@link Fld#using(
     * org.fld4j.core.Flow, org.fld4j.io.ImageSource, FldOptions, ReferenceCard)}.
     */
    public static ReferenceCard ofThisRuntime(RealSetDescription realSet, String optimizer, double learningRate) {
        return new ReferenceCard(realSet, optimizer, learningRate, runningNd4j(), runningJava());
    }

    /** The running Java, e.g. {@code 17.0.9 (Eclipse Adoptium)}. */
    static String runningJava() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /**
     * The version of the ND4J API on the class path, from the Maven metadata in its jar; {@code unknown} when the
     * jar was repackaged without it.
     */
    static String runningNd4j() {
        try (InputStream in = org.nd4j.linalg.factory.Nd4j.class.getResourceAsStream(
                "/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version");
            return version == null || version.isBlank() ? "unknown" : version.strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
