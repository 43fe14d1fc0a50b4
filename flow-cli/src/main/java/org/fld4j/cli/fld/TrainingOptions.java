package org.fld4j.cli.fld;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fld4j.cli.common.Durations;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.metrics.fld.FldOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How a reference flow is trained on real images ({@code @Mixin}). Every option left out takes the preset's
 * recipe or {@link FldOptions}' default, so {@link #given()} can tell which ones the user set.
 */
public final class TrainingOptions {

    @Option(names = "--preset", paramLabel = "fld-paper|glow|small", converter = PresetConverter.class,
            description = "The reference flow's architecture and training recipe (default fld-paper).")
    ImagePreset preset;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Training epoch cap (default: the preset's, 200 with early stopping).")
    Integer epochs;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = Durations.class,
            description = "Training wall-clock cap, e.g. 90s, 15m, 1h30m (default: the preset's).")
    Duration timeBudget;

    @Option(names = "--batch", paramLabel = "N", description = "Training batch size (default: the preset's, 64).")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the held-out split, the weights, training, the dequantization noise and the"
                    + " bootstrap (default 0).")
    Long seed;

    @Option(names = "--held-out", paramLabel = "FRACTION",
            description = "Share of the real images held out as R_test, never trained on (default 0.2).")
    Double heldOut;

    @Option(names = "--flows", paramLabel = "K",
            description = "Reference flows, each trained with its own seed on its own held-out split (default 1)."
                    + " FLD is their mean and, from 2 on, its interval also covers the randomness of training the"
                    + " reference; with 1 it covers the images only. Each flow costs a training; 5 is a good choice"
                    + " for a result to publish. With --dual: K pairs of flows, and D-FLD and J are their means.")
    Integer flows;

    /** The FLD options these settings give. */
    public FldOptions fldOptions() {
        checkRanges();
        FldOptions o = FldOptions.forPreset(preset == null ? ImagePreset.FLD_PAPER : preset);
        if (epochs != null) {
            o = o.withMaxEpochs(epochs);
        }
        if (timeBudget != null) {
            o = o.withTimeBudget(timeBudget);
        }
        if (batch != null) {
            o = o.withBatchSize(batch);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (heldOut != null) {
            o = o.withHeldOutFraction(heldOut);
        }
        if (flows != null) {
            o = o.withReferenceFlows(flows);
        }
        return o;
    }

    /** The options the user set, as written on the command line. */
    public List<String> given() {
        List<String> names = new ArrayList<>();
        if (preset != null) {
            names.add("--preset");
        }
        if (epochs != null) {
            names.add("--epochs");
        }
        if (timeBudget != null) {
            names.add("--time-budget");
        }
        if (batch != null) {
            names.add("--batch");
        }
        if (seed != null) {
            names.add("--seed");
        }
        if (heldOut != null) {
            names.add("--held-out");
        }
        if (flows != null) {
            names.add("--flows");
        }
        return names;
    }

    /** The seed as given, or null. */
    public Long seed() {
        return seed;
    }

    private void checkRanges() {
        if (epochs != null && epochs < 1) {
            throw Usage.invalid("--epochs", epochs, "at least 1");
        }
        if (batch != null && (batch < 1 || batch > FldOptions.MAX_BATCH_SIZE)) {
            throw Usage.invalid("--batch", batch, "1 to " + FldOptions.MAX_BATCH_SIZE);
        }
        if (flows != null && (flows < 1 || flows > FldOptions.MAX_REFERENCE_FLOWS)) {
            throw Usage.invalid("--flows", flows, "1 to " + FldOptions.MAX_REFERENCE_FLOWS);
        }
        if (heldOut != null && !(heldOut > 0 && heldOut < 1)) {
            throw Usage.invalid("--held-out", heldOut, "a fraction between 0 and 1, e.g. 0.2");
        }
    }

    /** {@code fld-paper}, {@code glow}, {@code small}. */
    static final class PresetConverter implements CommandLine.ITypeConverter<ImagePreset> {
        @Override
        public ImagePreset convert(String value) {
            try {
                return ImagePreset.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
