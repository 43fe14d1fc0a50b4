package org.fld4j.metrics.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fld4j.core.image.Dequantization;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.internal.persist.JsonFields;

/**
 * The JSON half of an exported PyTorch flow: format name and version, then the fields of {@link TorchFlowConfig} in
 * the script's snake_case ({@code interop/README.md} lists them).
 */
final class TorchConfigJson {

    /** The format name both sides write and check. */
    static final String FORMAT = "fld4j-torch-image-flow";
    /** The format version both sides write and check. */
    static final int VERSION = 1;
    /** A configuration is a few hundred bytes; anything much larger is not one. */
    private static final long MAX_BYTES = 1 << 20;

    private TorchConfigJson() {
    }

    /** Reads and validates {@code file}; every error names the file and, where there is one, the field. */
    static TorchFlowConfig read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new TorchFormatException(file + ": " + Files.size(file) + " bytes is too large for a flow configuration");
        }
        try {
            JsonFields f = JsonFields.of(Json.parse(Files.readString(file, StandardCharsets.UTF_8)), "the configuration");
            String format = f.string("format");
            int version = f.intValue("version", 0, Integer.MAX_VALUE);
            if (!FORMAT.equals(format) || version != VERSION) {
                throw new TorchFormatException(file + ": format '" + format + "' version " + version + ", expected '"
                        + FORMAT + "' version " + VERSION);
            }
            String kind = f.string("dequantization");
            Dequantization dequantization = switch (kind) {
                case "uniform" -> Dequantization.UNIFORM;
                case "variational" -> Dequantization.VARIATIONAL;
                default -> throw new IllegalArgumentException("unsupported configuration: dequantization must be"
                        + " uniform or variational, got '" + kind + "'");
            };
            return new TorchFlowConfig(f.string("state_dict_prefix"), f.intValue("channels", 1, 1 << 16),
                    f.intValue("height", 1, 1 << 16), f.intValue("width", 1, 1 << 16), ints(f, "steps"),
                    ints(f, "hidden"), f.intValue("gated_blocks", 0, 1 << 10), dequantization,
                    f.intValue("dequantization_couplings", 0, 1 << 10), f.intValue("dequantization_hidden", 0, 1 << 16),
                    f.number("alpha"), f.intValue("quants", 1, 1 << 16));
        } catch (TorchFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new TorchFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static int[] ints(JsonFields f, String key) {
        List<?> values = f.list(key);
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(values.get(i) instanceof Long v) || v < 1 || v > 1 << 16) {
                throw new IllegalArgumentException("field '" + key + "' must hold integers in [1, 65536], got "
                        + values);
            }
            out[i] = v.intValue();
        }
        return out;
    }

    /** The JSON text of {@code c}. */
    static String write(TorchFlowConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("state_dict_prefix", c.stateDictPrefix());
        m.put("channels", c.channels());
        m.put("height", c.height());
        m.put("width", c.width());
        m.put("steps", c.steps());
        m.put("hidden", c.hidden());
        m.put("gated_blocks", c.gatedBlocks());
        m.put("alpha", c.alpha());
        m.put("quants", c.quants());
        m.put("dequantization", c.dequantization().name().toLowerCase(Locale.ROOT));
        m.put("dequantization_couplings", c.dequantizationCouplings());
        m.put("dequantization_hidden", c.dequantizationHidden());
        return Json.write(m);
    }
}
