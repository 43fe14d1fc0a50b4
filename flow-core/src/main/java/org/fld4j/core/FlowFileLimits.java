package org.fld4j.core;

import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.internal.persist.NpyVector;


/**
 * The sizes a flow file may declare before {@link FlowFiles} refuses it, checked from the file's description before
 * any layer or array is built, so that a small hostile file cannot make the loader allocate gigabytes. The defaults
 * hold every flow fld4j's presets make with a wide margin; a flow beyond them can be loaded by raising a limit,
 * either by passing limits to {@link FlowFiles#load(java.nio.file.Path, FlowFileLimits)} or, for programs that load
 * flows for you (the {@code fld} command), by the system property named beside each default, read by
 * {@link #fromSystemProperties()} at every load (e.g. {@code JAVA_OPTS=-Dfld4j.maxParameters=200000000}).
 *
 * @param maxParameters          the most trainable parameters a flow may hold
 * @param maxSampleValues        the most values one sample may have (the product of the sample shape)
 * @param maxLayerDimension      the largest integer any layer attribute (a width, a channel count, a side) may hold
 * @param maxWorkValuesPerSample the most values the layers may keep per sample during a pass, by their configs
 * @param maxDescriptionBytes    the largest {@code flow.json} entry, in bytes
 */
public record FlowFileLimits(long maxParameters, long maxSampleValues, long maxLayerDimension,
                             long maxWorkValuesPerSample, int maxDescriptionBytes) {

    /**
     * 2^27 (134,217,728) parameters, 512 MiB at float32: fld4j's image presets have 0.09 to 4.2 million at any
     * image size (the official FLD flow 1,943,646), so this leaves 30 times the largest for custom flows. Property
     * {@code fld4j.maxParameters}.
     */
    public static final long DEFAULT_MAX_PARAMETERS = 1L << 27;

    /**
     * The hard ceiling of {@link #maxParameters}: the parameters are read into one Java array of bytes, which holds
     * at most about 2^31 bytes, i.e. 2^28 float64 values less the NPY header.
     */
    public static final long CEILING_PARAMETERS = (Integer.MAX_VALUE - 16L - NpyVector.MAX_HEADER_BYTES) / 8;

    /**
     * 2^28 values per sample (1 GiB at float32): a 3 x 9000 x 9000 image has 2^27.9. Property
     * {@code fld4j.maxSampleValues}.
     */
    public static final long DEFAULT_MAX_SAMPLE_VALUES = 1L << 28;

    /**
     * 2^24 (16,777,216) for any integer attribute of a layer: the widest dense layer or image side anyone trains is
     * far below it, and products of two such values cannot overflow a long. Property {@code fld4j.maxLayerDimension}.
     */
    public static final long DEFAULT_MAX_LAYER_DIMENSION = 1L << 24;

    /**
     * 2^33 values per sample kept by the layers during a pass, by the layers' own estimates from above
     * ({@link org.fld4j.core.transform.LayerSize}): the official FLD flow's estimate is 2^21.7 for a 3 x 32 x 32 image,
     * 2^27.7 at 3 x 256 x 256 and 2^31.7 at 3 x 1024 x 1024, so this admits the official flow up to about
     * 1448 x 1448 pixels; a file beyond it would need more than 32 GiB for ONE image. Property
     * {@code fld4j.maxWorkValuesPerSample}.
     */
    public static final long DEFAULT_MAX_WORK_VALUES_PER_SAMPLE = 1L << 33;

    /**
     * 16 MiB for {@code flow.json}: it holds layer settings and, for dense flows, permutations (up to 9 bytes per
     * feature and coupling); fld4j's image presets write 2 to 25 KB, and a dense flow of 100,000 features with 16
     * random permutations about 13 MB. Property {@code fld4j.maxFlowDescriptionBytes}.
     */
    public static final int DEFAULT_MAX_DESCRIPTION_BYTES = 16 << 20;

    public FlowFileLimits {
        positive("maxParameters", maxParameters);
        positive("maxSampleValues", maxSampleValues);
        positive("maxLayerDimension", maxLayerDimension);
        positive("maxWorkValuesPerSample", maxWorkValuesPerSample);
        positive("maxDescriptionBytes", maxDescriptionBytes);
        if (maxParameters > CEILING_PARAMETERS) {
            throw new IllegalArgumentException("maxParameters must be at most " + CEILING_PARAMETERS
                    + " (one Java byte array holds the parameters), got " + maxParameters);
        }
        if (maxLayerDimension > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxLayerDimension must fit an int, got " + maxLayerDimension);
        }
        if (maxDescriptionBytes > Json.MAX_CHARS) {
            throw new IllegalArgumentException("maxDescriptionBytes must be at most " + Json.MAX_CHARS + ", got "
                    + maxDescriptionBytes);
        }
    }

    /** The documented defaults, whatever the system properties say. */
    public static FlowFileLimits defaults() {
        return new FlowFileLimits(DEFAULT_MAX_PARAMETERS, DEFAULT_MAX_SAMPLE_VALUES, DEFAULT_MAX_LAYER_DIMENSION,
                DEFAULT_MAX_WORK_VALUES_PER_SAMPLE, DEFAULT_MAX_DESCRIPTION_BYTES);
    }

    /**
     * The defaults, each replaced by its system property when that is set ({@code fld4j.maxParameters},
     * {@code fld4j.maxSampleValues}, {@code fld4j.maxLayerDimension}, {@code fld4j.maxWorkValuesPerSample},
     * {@code fld4j.maxFlowDescriptionBytes}); a property that is not a positive integer is an
     * {@link IllegalArgumentException} naming it.
     */
    public static FlowFileLimits fromSystemProperties() {
        return new FlowFileLimits(property("fld4j.maxParameters", DEFAULT_MAX_PARAMETERS),
                property("fld4j.maxSampleValues", DEFAULT_MAX_SAMPLE_VALUES),
                property("fld4j.maxLayerDimension", DEFAULT_MAX_LAYER_DIMENSION),
                property("fld4j.maxWorkValuesPerSample", DEFAULT_MAX_WORK_VALUES_PER_SAMPLE),
                Math.toIntExact(Math.min(Integer.MAX_VALUE,
                        property("fld4j.maxFlowDescriptionBytes", DEFAULT_MAX_DESCRIPTION_BYTES))));
    }

    /**
     * The largest {@code flow.fld4j} (a whole flow file) these limits allow: the parameters at float64 with their
     * header, the description and room for the zip's own headers. A reference file's inner flow is read into
     * memory up to this size.
     */
    public long maxFlowFileBytes() {
        return maxParameters * 8 + NpyVector.MAX_HEADER_BYTES + maxDescriptionBytes + (1 << 16);
    }

    /** The value of a limit's system property, or {@code fallback} when it is not set. */
    public static long property(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim().replace("_", ""));
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + name + " must be a positive integer, got '"
                + value + "'");
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
