package org.fld4j.core;

import org.fld4j.core.persist.FlowFileException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.internal.persist.JsonFields;
import org.fld4j.core.internal.persist.NpyVector;
import org.fld4j.core.internal.persist.ZipEntries;
import org.fld4j.core.transform.LayerConfig;
import org.fld4j.core.transform.LayerSize;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One file per flow: a zip archive holding {@code flow.json} (format name and version, data type,
 * sample shape, and every layer's config with the names, shapes and offsets of its parameters) and
 * {@code parameters.npy} (the flat parameter vector, readable with NumPy).
 *
 * <p>Saving writes a temporary file next to the target, forces it to disk and renames it over the
 * target, so a crash never leaves a half-written flow. Loading checks everything it reads and fails
 * with a {@link FlowFileException} that names the file: entries are read with hard caps whatever
 * their headers say; the description is checked against {@link FlowFileLimits} and each layer's
 * parameter count is worked out from its config ({@link LayerRegistry#size}) and compared with the
 * declared and the stored count before any layer or array is built; versions and fields must be
 * exactly what the format says; parameters must be finite; zip checksums must match. No Java
 * serialisation is involved.
 */
public final class FlowFiles {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "fld4j-flow";
    /** The newest format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String DESCRIPTION_ENTRY = "flow.json";
    private static final String PARAMETERS_ENTRY = "parameters.npy";

    /** The most axes a sample shape may have: fld4j's flows take vectors (1) and images (3). */
    public static final int MAX_SAMPLE_RANK = 8;

    private FlowFiles() {
    }

    /** Saves atomically (temp file + rename); replaces an existing file only once the new one is complete. */
    public static void save(Flow flow, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "the folder to save the flow in does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder, not a file name for the flow");
        }
        AtomicFiles.write(target, toBytes(flow));
    }

    /**
     * The bytes of the file {@link #save} writes, made in memory: for a flow stored inside another archive (a
     * reference file), so that it never touches the disk on its own.
     */
    public static byte[] toBytes(Flow flow) throws IOException {
        byte[] description = Json.write(describe(flow)).getBytes(StandardCharsets.UTF_8);
        byte[] parameters = NpyVector.write(flow.parameters());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(parameters.length + (1 << 12));
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(ZipEntries.entry(DESCRIPTION_ENTRY));
            zip.write(description);
            zip.closeEntry();
            zip.putNextEntry(ZipEntries.entry(PARAMETERS_ENTRY));
            zip.write(parameters);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> describe(Flow flow) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("dataType", flow.dataType().name());
        root.put("sampleShape", flow.sampleShape());
        root.put("parameterCount", flow.parameterCount());
        List<Object> layers = new ArrayList<>();
        // The flow's own network: its layers are only read here, so no copy is built for saving.
        FlowNetwork network = flow.network();
        long offset = 0;
        for (Transform layer : network.layers()) {
            LayerConfig config = layer.config();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", config.type());
            entry.put("attributes", config.attributes());
            List<Object> params = new ArrayList<>();
            for (ParameterSpec spec : layer.parameterSpecs()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", spec.name());
                p.put("shape", spec.shape());
                p.put("offset", offset);
                params.add(p);
                offset += spec.length();
            }
            entry.put("parameters", params);
            layers.add(entry);
        }
        root.put("layers", layers);
        return root;
    }

    /**
     * Loads a flow saved by {@link #save}, within the limits the system properties set
     * ({@link FlowFileLimits#fromSystemProperties()}).
     */
    public static Flow load(Path file) throws IOException {
        return load(file, FlowFileLimits.fromSystemProperties());
    }

    /**
     * Loads a flow saved by {@link #save}. Everything the file declares is checked against {@code limits} and
     * against itself (the layers' parameter count, worked out from their configs, must equal the declared count
     * and the stored one) before any layer or array is built; entries are read with hard caps; the parameters must
     * be finite.
     */
    public static Flow load(Path file, FlowFileLimits limits) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such flow file");
        }
        if (Files.size(file) == 0) {
            throw new FlowFileException(file, "the file is empty, not a saved flow");
        }
        String source = file.toString();
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            checkMagic(source, head, in.readNBytes(head, 0, 4));
        }
        // ZipFile needs the central directory at the end: a truncated file fails here.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntries.checkEntryCount(zip, source);
            byte[] description = ZipEntries.read(zip, DESCRIPTION_ENTRY, descriptionCap(limits), source);
            boolean hasParameters = zip.getEntry(PARAMETERS_ENTRY) != null;
            checkPresent(source, description != null, hasParameters);
            Description d = describe(source, description, limits);
            byte[] parameters = ZipEntries.read(zip, PARAMETERS_ENTRY, d.parametersCap(), source);
            return build(source, d, parameters);
        } catch (ZipException | java.io.EOFException e) {
            throw new FlowFileException(file, "corrupt or truncated flow file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Loads a flow from the bytes of a flow file held in memory (e.g. an entry of another archive), with the checks
     * of {@link #load(Path, FlowFileLimits)}; nothing is written to disk. The archive must end with its directory,
     * so that a truncated one is refused even when its entries are complete.
     *
     * @param source names the bytes in messages, e.g. {@code ref.fld (entry flow.fld4j)}
     */
    public static Flow load(byte[] flowFile, String source, FlowFileLimits limits) throws FlowFileException {
        if (flowFile.length == 0) {
            throw new FlowFileException(source, "empty, not a saved flow");
        }
        checkMagic(source, flowFile, Math.min(4, flowFile.length));
        if (!ZipEntries.endsWithDirectory(flowFile)) {
            throw new FlowFileException(source, "truncated or not a zip archive (no end-of-archive record)");
        }
        return load(new ByteArrayInputStream(flowFile), source, limits);
    }

    /**
     * Loads a flow from a stream of a flow file (e.g. an entry of another archive, read as it inflates), with the
     * checks of {@link #load(Path, FlowFileLimits)}; nothing is written to disk and nothing is held but the two
     * entries. The description comes first in a saved flow, so the parameters are read with the cap its declared
     * parameter count sets; a file that stores them first is read with the cap the limits set. Entries are checked
     * against their CRC-32 as they inflate.
     *
     * @param source names the stream in messages, e.g. {@code ref.fld (entry flow.fld4j)}
     */
    public static Flow load(InputStream flowFile, String source, FlowFileLimits limits) throws FlowFileException {
        Description d = null;
        byte[] parameters = null;
        int entries = 0;
        String current = null;
        try (ZipInputStream zip = new ZipInputStream(flowFile)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                current = e.getName();
                if (++entries > ZipEntries.MAX_ENTRIES) {
                    throw new FlowFileException(source, "the archive holds more than " + ZipEntries.MAX_ENTRIES
                            + " entries, more than an fld4j file may have");
                }
                if (current.equals(DESCRIPTION_ENTRY)) {
                    if (d != null) {
                        throw new FlowFileException(source, "the archive holds entry " + current + " twice");
                    }
                    d = describe(source, ZipEntries.readAtMost(zip, descriptionCap(limits), source, current), limits);
                } else if (current.equals(PARAMETERS_ENTRY)) {
                    if (parameters != null) {
                        throw new FlowFileException(source, "the archive holds entry " + current + " twice");
                    }
                    parameters = ZipEntries.readAtMost(zip, d != null ? d.parametersCap() : parametersCap(limits),
                            source, current);
                } else {
                    ZipEntries.readAtMost(zip, new ZipEntries.Cap(ZipEntries.MAX_SKIPPED_BYTES,
                            "an entry fld4j does not read"), source, current);
                }
            }
        } catch (FlowFileException e) {
            throw e;
        } catch (IOException e) {
            throw new FlowFileException(source, "corrupt archive" + (current == null ? "" : " in entry " + current)
                    + " (" + e.getMessage() + ")", e);
        }
        checkPresent(source, d != null, parameters != null);
        if (parameters.length > d.parametersCap().bytes()) {
            throw new FlowFileException(source, "entry " + PARAMETERS_ENTRY + " holds " + parameters.length
                    + " bytes, more than " + d.parametersCap().bytes() + " " + d.parametersCap().why());
        }
        return build(source, d, parameters);
    }

    /** The most a parameter vector may take before its description is known: the limits' parameter count. */
    private static ZipEntries.Cap parametersCap(FlowFileLimits limits) {
        return new ZipEntries.Cap(Math.min(Integer.MAX_VALUE - 16L, limits.maxParameters() * 8
                + NpyVector.MAX_HEADER_BYTES), "more than the " + limits.maxParameters()
                + " parameters a flow may have (system property fld4j.maxParameters raises it)");
    }

    private static void checkMagic(String source, byte[] head, int read) throws FlowFileException {
        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw new FlowFileException(source, "not an fld4j flow file (not a zip archive)");
        }
    }

    private static void checkPresent(String source, boolean description, boolean parameters)
            throws FlowFileException {
        if (!description && !parameters) {
            throw new FlowFileException(source, "not an fld4j flow file (no " + DESCRIPTION_ENTRY + " inside)");
        }
        if (!description || !parameters) {
            throw new FlowFileException(source, "truncated flow file: "
                    + (!description ? DESCRIPTION_ENTRY : PARAMETERS_ENTRY) + " is missing");
        }
    }

    private static ZipEntries.Cap descriptionCap(FlowFileLimits limits) {
        return new ZipEntries.Cap(limits.maxDescriptionBytes(), "more than a flow description may hold (system"
                + " property fld4j.maxFlowDescriptionBytes raises it)");
    }

    /**
     * A checked flow description: every size in it is within the limits, and its layers need exactly the declared
     * number of parameters.
     */
    private record Description(DataType dataType, long[] sampleShape, List<LayerConfig> configs, long parameters) {

        int itemSize() {
            return dataType == DataType.FLOAT ? 4 : 8;
        }

        /** {@code parameters.npy} holds the values (at least one) and a header, nothing more. */
        ZipEntries.Cap parametersCap() {
            return new ZipEntries.Cap(Math.max(parameters, 1) * itemSize() + NpyVector.MAX_HEADER_BYTES,
                    "more than the " + parameters + " parameters the description declares");
        }
    }

    private static Description describe(String source, byte[] bytes, FlowFileLimits limits)
            throws FlowFileException {
        JsonFields root;
        try {
            root = JsonFields.of(Json.parse(new String(bytes, StandardCharsets.UTF_8)), DESCRIPTION_ENTRY);
        } catch (IllegalArgumentException e) {
            throw new FlowFileException(source, "unreadable " + DESCRIPTION_ENTRY + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new FlowFileException(source, "not an fld4j flow file (format is "
                    + JsonFields.describe(root.get("format")) + ")");
        }
        long version;
        try {
            version = root.integer("formatVersion", 1, Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            throw new FlowFileException(source, "invalid format version: " + e.getMessage(), e);
        }
        if (version > FORMAT_VERSION) {
            throw new FlowFileException(source, "written in flow format version " + version
                    + ", newer than this fld4j reads (up to " + FORMAT_VERSION + "); upgrade fld4j to load it");
        }
        try {
            String type = root.string("dataType");
            if (!type.equals("FLOAT") && !type.equals("DOUBLE")) {
                throw new IllegalArgumentException("field 'dataType' is \"" + type + "\", not FLOAT or DOUBLE");
            }
            DataType dataType = DataType.valueOf(type);
            long[] sampleShape = sampleShape(root.list("sampleShape"), limits);
            long declared = root.integer("parameterCount", 0, limits.maxParameters());
            List<LayerConfig> configs = new ArrayList<>();
            LayerSize total = new LayerSize(0, 0);
            List<?> layers = root.list("layers");
            for (int i = 0; i < layers.size(); i++) {
                JsonFields layer = JsonFields.of(layers.get(i), "layer " + i);
                layer.object("attributes");
                LayerConfig config = new LayerConfig(layer.string("type"), attributesOf(layers.get(i)));
                checkNumbers("layer " + i + " (" + config.type() + ")", config.attributes(), limits);
                try {
                    total = total.plus(LayerRegistry.size(config));
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("layer " + i + " (" + config.type() + ") declares sizes too"
                            + " large to count");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("layer " + i + ": " + e.getMessage(), e);
                }
                if (total.parameters() > limits.maxParameters()) {
                    throw new IllegalArgumentException("the layers up to layer " + i + " (" + config.type()
                            + ") need " + total.parameters() + " parameters, more than the " + limits.maxParameters()
                            + " a flow may have (system property fld4j.maxParameters raises it)");
                }
                if (total.workValuesPerSample() > limits.maxWorkValuesPerSample()) {
                    throw new IllegalArgumentException("the layers up to layer " + i + " (" + config.type()
                            + ") would keep about " + total.workValuesPerSample() + " values per sample, more than"
                            + " the " + limits.maxWorkValuesPerSample() + " allowed (system property"
                            + " fld4j.maxWorkValuesPerSample raises it)");
                }
                configs.add(config);
            }
            if (configs.isEmpty()) {
                throw new IllegalArgumentException("field 'layers' is empty: a flow has at least one layer");
            }
            if (total.parameters() != declared) {
                throw new IllegalArgumentException("the description declares " + declared + " parameters but its"
                        + " layers need " + total.parameters());
            }
            return new Description(dataType, sampleShape, configs, declared);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new FlowFileException(source, "invalid " + DESCRIPTION_ENTRY + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributesOf(Object layer) {
        // Checked to be a JSON object with string keys by JsonFields.object and the parser.
        return (Map<String, Object>) ((Map<?, ?>) layer).get("attributes");
    }

    private static long[] sampleShape(List<?> values, FlowFileLimits limits) {
        if (values.isEmpty() || values.size() > MAX_SAMPLE_RANK) {
            throw new IllegalArgumentException("field 'sampleShape' has " + values.size() + " sizes, not 1 to "
                    + MAX_SAMPLE_RANK);
        }
        long[] shape = new long[values.size()];
        long product = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(values.get(i) instanceof Long v) || v < 1 || v > limits.maxLayerDimension()) {
                throw new IllegalArgumentException("field 'sampleShape' holds " + JsonFields.describe(values.get(i))
                        + ", not a size in [1, " + limits.maxLayerDimension() + "]");
            }
            shape[i] = v;
            product = Math.multiplyExact(product, v);
            if (product > limits.maxSampleValues()) {
                throw new IllegalArgumentException("field 'sampleShape' " + values + " declares more than the "
                        + limits.maxSampleValues() + " values per sample allowed (system property"
                        + " fld4j.maxSampleValues raises it)");
            }
        }
        return shape;
    }

    /**
     * Every number in a layer's attributes (nested lists and objects included) is finite, and every integer lies
     * within {@code ±maxLayerDimension}: all integer attributes are sizes, counts or indices.
     */
    private static void checkNumbers(String where, Object value, FlowFileLimits limits) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                checkNumbers(where + " attribute '" + e.getKey() + "'", e.getValue(), limits);
            }
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                checkNumbers(where, o, limits);
            }
        } else if (value instanceof Long n) {
            if (Math.abs(n) > limits.maxLayerDimension()) {
                throw new IllegalArgumentException(where + " holds " + n + ", larger than the "
                        + limits.maxLayerDimension() + " any layer size may be (system property"
                        + " fld4j.maxLayerDimension raises it)");
            }
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            throw new IllegalArgumentException(where + " holds " + d + ", not a finite number");
        }
    }

    private static Flow build(String source, Description d, byte[] parameterBytes) throws FlowFileException {
        try {
            INDArray flat = NpyVector.read(parameterBytes);
            if (d.parameters() != flat.length() && !(d.parameters() == 0 && flat.length() == 1)) {
                throw new IllegalArgumentException("the description declares " + d.parameters()
                        + " parameters but " + PARAMETERS_ENTRY + " holds " + flat.length());
            }
            if (flat.dataType() != d.dataType()) {
                throw new IllegalArgumentException(PARAMETERS_ENTRY + " holds " + flat.dataType()
                        + " values but the flow is " + d.dataType());
            }
            return Flow.of(FlowNetwork.restore(d.sampleShape(), d.dataType(), d.configs(), flat));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | ArithmeticException
                 | IndexOutOfBoundsException e) {
            throw new FlowFileException(source, "invalid flow file: " + e.getMessage(), e);
        }
    }
}
