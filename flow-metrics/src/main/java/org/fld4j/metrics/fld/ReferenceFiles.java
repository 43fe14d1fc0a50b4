package org.fld4j.metrics.fld;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.Flow;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.persist.Json;

/**
 * The reference file: a zip archive of {@code reference.json} (format and version, the options, the
 * real set's fingerprint and counts, the training account, and the held-out images' names and
 * log-likelihoods, written with round-trip precision) and {@code flow.fld4j} (the flow's own file).
 * Written to a temporary file beside the target and renamed over it, so a crash never leaves half a
 * file; every field is checked when read, with errors that name the file.
 */
final class ReferenceFiles {

    static final String FORMAT = "fld4j-fld-reference";
    static final int VERSION = 1;
    private static final String JSON_ENTRY = "reference.json";
    private static final String FLOW_ENTRY = "flow.fld4j";

    private ReferenceFiles() {
    }

    static void save(FldReference reference, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path flowFile = Files.createTempFile(dir, ".fld-flow-", ".tmp");
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        try {
            reference.flow().save(flowFile);
            try (OutputStream raw = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.putNextEntry(new ZipEntry(JSON_ENTRY));
                zip.write(Json.write(toJson(reference)).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(FLOW_ENTRY));
                Files.copy(flowFile, zip);
                zip.closeEntry();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(flowFile);
            Files.deleteIfExists(temp);
        }
    }

    private static Map<String, Object> toJson(FldReference r) {
        FldOptions o = r.options();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("preset", o.preset().id());
        options.put("heldOutFraction", o.heldOutFraction());
        options.put("seed", o.seed());
        options.put("maxEpochs", o.maxEpochs());
        options.put("timeBudgetSeconds", o.timeBudget().toSeconds());
        options.put("batchSize", o.batchSize());
        options.put("evaluationBatchSize", o.evaluationBatchSize());
        options.put("dequantizationSamples", o.dequantizationSamples());
        options.put("bootstrapResamples", o.bootstrapResamples());
        options.put("confidence", o.confidence());
        List<Object> values = new ArrayList<>();
        for (double v : r.heldOutLogLikelihoods()) {
            values.add(v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("writtenBy", Fld4jVersion.current());
        m.put("options", options);
        m.put("imageShape", List.of(r.imageShape()[0], r.imageShape()[1], r.imageShape()[2]));
        m.put("realFingerprint", r.realFingerprint());
        m.put("realImages", r.realImages());
        m.put("trainingImages", r.trainingImages());
        m.put("training", r.training());
        m.put("heldOutBitsPerDim", r.heldOutBitsPerDim());
        m.put("heldOutNames", new ArrayList<Object>(r.heldOutNames()));
        m.put("heldOutLogLikelihoods", values);
        return m;
    }

    static FldReference load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        String json = null;
        Path flowFile = Files.createTempFile(".fld-flow-", ".tmp");
        boolean flowFound = false;
        try {
            try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals(JSON_ENTRY)) {
                        json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    } else if (e.getName().equals(FLOW_ENTRY)) {
                        Files.copy(zip, flowFile, StandardCopyOption.REPLACE_EXISTING);
                        flowFound = true;
                    }
                }
            }
            if (json == null || !flowFound) {
                throw new IOException(file + " is not an FLD reference file (it lacks " + (json == null ? JSON_ENTRY
                        : FLOW_ENTRY) + ")");
            }
            Flow flow = Flow.load(flowFile);
            try {
                return fromJson(Json.parse(json), flow);
            } catch (RuntimeException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(flowFile);
        }
    }

    @SuppressWarnings("unchecked")
    private static FldReference fromJson(Object parsed, Flow flow) {
        Map<String, Object> m = (Map<String, Object>) parsed;
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("format is " + m.get("format") + ", expected " + FORMAT);
        }
        if (((Number) m.get("version")).intValue() != VERSION) {
            throw new IllegalArgumentException("version " + m.get("version") + " is not supported (this is version "
                    + VERSION + ")");
        }
        Map<String, Object> o = (Map<String, Object>) m.get("options");
        FldOptions options = new FldOptions(ImagePreset.parse((String) o.get("preset")),
                number(o, "heldOutFraction").doubleValue(), number(o, "seed").longValue(),
                number(o, "maxEpochs").intValue(), Duration.ofSeconds(number(o, "timeBudgetSeconds").longValue()),
                number(o, "batchSize").intValue(), number(o, "evaluationBatchSize").intValue(),
                number(o, "dequantizationSamples").intValue(), number(o, "bootstrapResamples").intValue(),
                number(o, "confidence").doubleValue());
        List<Object> values = (List<Object>) m.get("heldOutLogLikelihoods");
        double[] heldOut = new double[values.size()];
        for (int i = 0; i < heldOut.length; i++) {
            heldOut[i] = ((Number) values.get(i)).doubleValue();
        }
        List<String> names = new ArrayList<>();
        for (Object name : (List<Object>) m.get("heldOutNames")) {
            names.add((String) name);
        }
        return new FldReference(flow, options, heldOut, names, (String) m.get("realFingerprint"),
                number(m, "realImages").longValue(), number(m, "trainingImages").longValue(), (String) m.get("training"),
                m.get("writtenBy") instanceof String version ? version : "");
    }

    private static Number number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field " + key + " is " + v + ", not a number");
        }
        return n;
    }
}
