package org.fld4j.core.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.zip.CRC32;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.LayerConfig;
import org.fld4j.core.ParameterSpec;
import org.fld4j.core.Transform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One file per flow: a zip archive holding {@code flow.json} (format name and version, data type,
 * sample shape, and every layer's config with the names, shapes and offsets of its parameters) and
 * {@code parameters.npy} (the flat parameter vector, readable with NumPy).
 *
 * <p>Saving writes a temporary file next to the target, forces it to disk and renames it over the
 * target, so a crash never leaves a half-written flow. Loading checks everything it reads (zip
 * checksums, the format version, the parameter count) and fails with a {@link FlowFileException}
 * that names the file. No Java serialisation is involved.
 */
public final class FlowFiles {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "fld4j-flow";
    /** The newest format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String DESCRIPTION_ENTRY = "flow.json";
    private static final String PARAMETERS_ENTRY = "parameters.npy";

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
        byte[] description = Json.write(describe(flow)).getBytes(StandardCharsets.UTF_8);
        byte[] parameters = NpyVector.write(flow.parameters());
        AtomicFiles.write(target, temp -> {
            try (OutputStream raw = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.putNextEntry(new ZipEntry(DESCRIPTION_ENTRY));
                zip.write(description);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(PARAMETERS_ENTRY));
                zip.write(parameters);
                zip.closeEntry();
            }
        });
    }

    private static Map<String, Object> describe(Flow flow) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("dataType", flow.dataType().name());
        root.put("sampleShape", toList(flow.sampleShape()));
        root.put("parameterCount", flow.parameterCount());
        List<Object> layers = new ArrayList<>();
        FlowNetwork network = flow.toNetwork();
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
                p.put("shape", toList(spec.shape()));
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

    private static List<Long> toList(long[] values) {
        List<Long> list = new ArrayList<>();
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    /** Loads a flow saved by {@link #save}. */
    public static Flow load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such flow file");
        }
        if (Files.size(file) == 0) {
            throw new FlowFileException(file, "the file is empty, not a saved flow");
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, 4);
            if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw new FlowFileException(file, "not an fld4j flow file (not a zip archive)");
            }
        }
        byte[] description;
        byte[] parameters;
        // ZipFile needs the central directory at the end: a truncated file fails here.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            description = readEntry(file, zip, DESCRIPTION_ENTRY);
            parameters = readEntry(file, zip, PARAMETERS_ENTRY);
        } catch (ZipException | java.io.EOFException e) {
            throw new FlowFileException(file, "corrupt or truncated flow file (" + e.getMessage() + ")", e);
        }
        if (description == null && parameters == null) {
            throw new FlowFileException(file, "not an fld4j flow file (no " + DESCRIPTION_ENTRY + " inside)");
        }
        if (description == null || parameters == null) {
            throw new FlowFileException(file, "truncated flow file: "
                    + (description == null ? DESCRIPTION_ENTRY : PARAMETERS_ENTRY) + " is missing");
        }
        return decode(file, description, parameters);
    }

    /** The entry's bytes, checked against its CRC-32; null when the entry is absent. */
    private static byte[] readEntry(Path file, ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new FlowFileException(file, "corrupt flow file: checksum mismatch in " + name);
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static Flow decode(Path file, byte[] descriptionBytes, byte[] parameterBytes) throws FlowFileException {
        Map<String, Object> root;
        try {
            Object parsed = Json.parse(new String(descriptionBytes, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map)) {
                throw new IllegalArgumentException("the description is not a JSON object");
            }
            root = (Map<String, Object>) parsed;
        } catch (IllegalArgumentException e) {
            throw new FlowFileException(file, "unreadable " + DESCRIPTION_ENTRY + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new FlowFileException(file, "not an fld4j flow file (format is " + root.get("format") + ")");
        }
        Object version = root.get("formatVersion");
        if (!(version instanceof Long v) || v < 1) {
            throw new FlowFileException(file, "invalid format version " + version);
        }
        if (v > FORMAT_VERSION) {
            throw new FlowFileException(file, "written in flow format version " + v
                    + ", newer than this fld4j reads (up to " + FORMAT_VERSION + "); upgrade fld4j to load it");
        }
        try {
            DataType dataType = DataType.valueOf((String) root.get("dataType"));
            long[] sampleShape = ((List<Object>) root.get("sampleShape")).stream()
                    .mapToLong(o -> ((Number) o).longValue()).toArray();
            List<LayerConfig> configs = new ArrayList<>();
            for (Object layer : (List<Object>) root.get("layers")) {
                Map<String, Object> m = (Map<String, Object>) layer;
                configs.add(new LayerConfig((String) m.get("type"), (Map<String, Object>) m.get("attributes")));
            }
            INDArray flat = NpyVector.read(parameterBytes);
            long declared = ((Number) root.get("parameterCount")).longValue();
            if (declared != flat.length() && !(declared == 0 && flat.length() == 1)) {
                throw new IllegalArgumentException("the description declares " + declared
                        + " parameters but " + PARAMETERS_ENTRY + " holds " + flat.length());
            }
            if (flat.dataType() != dataType) {
                throw new IllegalArgumentException(PARAMETERS_ENTRY + " holds " + flat.dataType()
                        + " values but the flow is " + dataType);
            }
            return Flow.of(FlowNetwork.restore(sampleShape, dataType, configs, flat));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new FlowFileException(file, "invalid flow file: " + e.getMessage(), e);
        }
    }
}
