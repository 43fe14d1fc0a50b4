package org.fld4j.cli.experiment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.Durations;
import org.fld4j.cli.common.Enums;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.core.DenseFlowOptions.Mixing;
import org.fld4j.metrics.gaussian.lab.FlowPreset;
import picocli.CommandLine;

/**
 * One {@code --flow-preset [D:]key=value,...} option: changes to the default flow preset of dimension D, or of every
 * dimension when D is left out. Keys: {@code couplings}, {@code hidden} (width), {@code layers} (hidden layers),
 * {@code mixing} (none, reverse, random-permutation, invertible-linear), {@code lr}, {@code warmup} (steps),
 * {@code batch}, {@code epochs}, {@code time} (e.g. 90s, 5m), {@code validation} (fraction), {@code patience}.
 *
 * @param dimension the dimension it applies to, or null for every dimension
 * @param settings  the values by key, as written
 */
public record FlowPresetSpec(Integer dimension, Map<String, String> settings) {

    /** The keys a spec may set. */
    public static final List<String> KEYS = List.of("couplings", "hidden", "layers", "mixing", "lr", "warmup", "batch",
            "epochs", "time", "validation", "patience");

    public FlowPresetSpec {
        settings = Map.copyOf(settings);
    }

    /** Whether the spec applies to {@code d}. */
    public boolean appliesTo(int d) {
        return dimension == null || dimension == d;
    }

    /** {@code base} with this spec's settings; exit 2 naming the key when a value is not valid. */
    public FlowPreset applyTo(FlowPreset base) {
        int couplings = integer("couplings", base.couplings());
        int hidden = integer("hidden", base.hiddenWidth());
        int layers = integer("layers", base.hiddenLayers());
        Mixing mixing = settings.containsKey("mixing") ? parse("mixing", v -> Enums.parse(Mixing.class, v, "mixing"))
                : base.mixing();
        double lr = number("lr", base.learningRate());
        int warmup = integer("warmup", base.warmupSteps());
        int batch = integer("batch", base.batchSize());
        int epochs = integer("epochs", base.maxEpochs());
        Duration time = settings.containsKey("time") ? parse("time", Durations::parse) : base.timeBudget();
        double validation = number("validation", base.validationFraction());
        int patience = integer("patience", base.patience());
        try {
            return new FlowPreset(couplings, hidden, layers, mixing, lr, warmup, batch, epochs, time, validation,
                    patience);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--flow-preset " + this + ": " + e.getMessage());
        }
    }

    private int integer(String key, int fallback) {
        return settings.containsKey(key) ? parse(key, Integer::parseInt) : fallback;
    }

    private double number(String key, double fallback) {
        return settings.containsKey(key) ? parse(key, Double::parseDouble) : fallback;
    }

    private <T> T parse(String key, Function<String, T> parser) {
        String value = settings.get(key);
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw new CliException(ExitCode.USAGE, "--flow-preset " + this + ": " + key + "=" + value + " is not valid"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    @Override
    public String toString() {
        return (dimension == null ? "" : dimension + ":") + settings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** Parses {@code [D:]key=value,...}; unknown keys and malformed text are usage errors naming the text. */
    public static final class Converter implements CommandLine.ITypeConverter<FlowPresetSpec> {
        @Override
        public FlowPresetSpec convert(String text) {
            String body = text.strip();
            Integer dimension = null;
            int colon = body.indexOf(':');
            if (colon >= 0) {
                try {
                    dimension = Integer.parseInt(body.substring(0, colon).strip());
                } catch (NumberFormatException e) {
                    throw new CommandLine.TypeConversionException("'" + text + "': the part before ':' must be a"
                            + " dimension, e.g. 10:epochs=5");
                }
                body = body.substring(colon + 1);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String part : body.split(",")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.strip() : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                if (eq < 0 || !KEYS.contains(key)) {
                    throw new CommandLine.TypeConversionException("'" + text + "': '" + part.strip() + "' is not"
                            + " key=value with a key among " + String.join(", ", KEYS));
                }
                settings.put(key, part.substring(eq + 1).strip());
            }
            return new FlowPresetSpec(dimension, settings);
        }
    }
}
