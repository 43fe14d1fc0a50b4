package org.fld4j.metrics.fld;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.fld4j.core.EvaluationOptions;
import org.fld4j.core.Fld4jVersion;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowFileLimits;
import org.fld4j.core.FlowFiles;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.core.internal.persist.AtomicFiles;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.internal.persist.JsonFields;
import org.fld4j.core.internal.persist.ZipEntries;
import org.fld4j.core.units.BitsPerDim;
import org.fld4j.io.preprocess.ChannelMode;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.ResizeFilter;
import org.fld4j.io.preprocess.SizePolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference file: a zip archive of {@code reference.json} (format and version, the options, the
 * real set's fingerprint and counts, the card when there is one, the training account, and the held-out images'
 * names and log-likelihoods, written with round-trip precision) and {@code flow.fld4j} (the flow's own file).
 *
 * <p>The card ({@link ReferenceCard}) is an optional field of versions 1 and 2, not a version 3: every fld4j reader
 * of these versions reads the fields it knows and ignores the others, so a file with a card still loads in an
 * fld4j that predates cards, and a file without one (every file written before) loads here with an empty card.
 * The zip entries carry {@link ZipEntries#ENTRY_TIME} and the JSON a fixed field order, so the same reference
 * saves to the same bytes and its {@link ReferenceFileHash} is stable.
 * Written through {@link AtomicFiles} (a temporary file beside the target, forced to disk and renamed over it), so
 * a crash never leaves half a file; read with hard caps on every entry, every field checked and the flow probed,
 * with errors that name the file.
 */
final class ReferenceFiles {

    static final String FORMAT = "fld4j-fld-reference";
    /** A reference of one flow; read by every fld4j since the format began. */
    static final int VERSION = 1;
    /** A reference of several flows: version 1's fields describe the first, {@code moreFlows} the others. */
    static final int ENSEMBLE_VERSION = 2;
    private static final String JSON_ENTRY = "reference.json";
    private static final String FLOW_ENTRY = "flow.fld4j";

    /** The entry of flow {@code k} (0-based): the first keeps version 1's name. */
    static String flowEntry(int k) {
        return k == 0 ? FLOW_ENTRY : "flow-" + (k + 1) + ".fld4j";
    }

    /**
     * The largest {@code reference.json}, in bytes: 64 MiB (the most the JSON reader takes, {@link Json#MAX_CHARS}).
     * It holds the options and, per held-out real image, its name and log-likelihood (about 60 bytes), so about a
     * million held-out images, far more than an FLD reference holds out.
     */
    static final int MAX_JSON_BYTES = Json.MAX_CHARS;

    /** The deterministic probe images: all 0, all 128, all 255, and seeded noise. */
    private static final int PROBE_IMAGES = 4;
    private static final long PROBE_SEED = 0x5EEDL;

    private ReferenceFiles() {
    }

    static void save(FldReference reference, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        byte[] json = Json.write(toJson(reference)).getBytes(StandardCharsets.UTF_8);
        // The flows' own files, made in memory: nothing but the reference's temporary file touches the disk.
        List<byte[]> flows = new ArrayList<>();
        for (ReferenceMember member : reference.members()) {
            flows.add(FlowFiles.toBytes(member.flow()));
        }
        AtomicFiles.write(target, temp -> {
            try (OutputStream raw = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.putNextEntry(ZipEntries.entry(JSON_ENTRY));
                zip.write(json);
                zip.closeEntry();
                for (int k = 0; k < flows.size(); k++) {
                    zip.putNextEntry(ZipEntries.entry(flowEntry(k)));
                    zip.write(flows.get(k));
                    zip.closeEntry();
                }
            }
        });
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
        if (r.referenceFlows() > 1) {
            options.put("referenceFlows", r.referenceFlows());
        }
        ReferenceMember first = r.members().get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", r.referenceFlows() == 1 ? VERSION : ENSEMBLE_VERSION);
        m.put("writtenBy", Fld4jVersion.current());
        m.put("options", options);
        m.put("imageShape", r.imageShape());
        m.put("realFingerprint", r.realFingerprint());
        m.put("realImages", r.realImages());
        r.card().ifPresent(card -> m.put("card", cardJson(card)));
        m.putAll(memberJson(first, r.dimension()));
        if (r.referenceFlows() > 1) {
            List<Object> more = new ArrayList<>();
            for (int k = 1; k < r.referenceFlows(); k++) {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("seed", r.members().get(k).seed());
                member.put("entry", flowEntry(k));
                member.putAll(memberJson(r.members().get(k), r.dimension()));
                more.add(member);
            }
            m.put("moreFlows", more);
        }
        return m;
    }

    /**
     * The card: optional, so files without one (all written before cards) keep their exact bytes, and every reader
     * of versions 1 and 2 (which reads the fields it knows and ignores others) still reads files with one.
     */
    private static Map<String, Object> cardJson(ReferenceCard card) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", card.realSet().text());
        Preprocessing p = card.realSet().preprocessing();
        if (p != null) {
            Map<String, Object> pre = new LinkedHashMap<>();
            pre.put("channels", name(p.channels()));
            pre.put("size", name(p.sizePolicy()));
            pre.put("height", p.targetHeight());
            pre.put("width", p.targetWidth());
            pre.put("filter", name(p.filter()));
            m.put("preprocessing", pre);
        }
        m.put("optimizer", card.optimizer());
        m.put("learningRate", card.learningRate());
        m.put("nd4jVersion", card.nd4jVersion());
        m.put("javaVersion", card.javaVersion());
        if (card.resamplerRecorded()) {
            m.put("resampler", card.resampler());
        }
        return m;
    }

    private static ReferenceCard card(JsonFields c) {
        Preprocessing preprocessing = null;
        if (c.has("preprocessing")) {
            JsonFields p = c.object("preprocessing");
            preprocessing = new Preprocessing(constant(ChannelMode.class, p, "channels"),
                    constant(SizePolicy.class, p, "size"), p.intValue("height", 0, Integer.MAX_VALUE),
                    p.intValue("width", 0, Integer.MAX_VALUE), constant(ResizeFilter.class, p, "filter"));
        }
        return new ReferenceCard(new RealSetDescription(c.string("description"), preprocessing), c.string("optimizer"),
                c.number("learningRate"), c.string("nd4jVersion"), c.string("javaVersion"),
                c.has("resampler") ? c.string("resampler") : "");
    }

    /** A constant as the card writes it: lower case, dashes for underscores. */
    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E constant(Class<E> type, JsonFields fields, String key) {
        String value = fields.string(key);
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("field '" + fields.name(key) + "' holds " + JsonFields.describe(value)
                + ", not one of " + java.util.Arrays.stream(type.getEnumConstants()).map(ReferenceFiles::name).toList());
    }

    /** A flow's training account and held-out statistics, as version 1 wrote them for its only flow. */
    private static Map<String, Object> memberJson(ReferenceMember member, long dimension) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trainingImages", member.trainingImages());
        m.put("training", member.training());
        m.put("heldOutBitsPerDim", BitsPerDim.of(member.heldOutMeanLogLikelihood(), dimension));
        m.put("heldOutNames", member.heldOutNames());
        m.put("heldOutLogLikelihoods", member.heldOutValues());
        return m;
    }

    /**
     * Reads a reference file within the limits of {@link FlowFileLimits#fromSystemProperties()}: entries are read
     * with hard caps (the inner flow as it inflates, never to disk), every field is checked, and the flow is probed on
     * a few fixed images, so that a file whose flow gives non-finite log-likelihoods is refused here rather than
     * when scoring. Every error is an {@link IOException} naming the file (and the entry, for the inner flow).
     */
    static FldReference load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        FlowFileLimits limits = FlowFileLimits.fromSystemProperties();
        String source = file.toString();
        byte[] json;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntries.checkEntryCount(zip, source);
            json = ZipEntries.read(zip, JSON_ENTRY, new ZipEntries.Cap(MAX_JSON_BYTES,
                    "more than a reference description may hold"), source);
            if (json == null || zip.getEntry(FLOW_ENTRY) == null) {
                throw new IOException(file + " is not an FLD reference file (it lacks " + (json == null ? JSON_ENTRY
                        : FLOW_ENTRY) + ")");
            }
            Object parsed;
            try {
                parsed = Json.parse(new String(json, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": unreadable " + JSON_ENTRY + ": " + e.getMessage(), e);
            }
            int count;
            try {
                count = declaredFlows(parsed);
            } catch (RuntimeException e) {
                throw new IOException(file + ": invalid " + JSON_ENTRY + ": " + e.getMessage(), e);
            }
            List<Flow> flows = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                ZipEntry entry = zip.getEntry(flowEntry(k));
                if (entry == null) {
                    throw new IOException(file + " is corrupt: it declares " + count + " reference flows but lacks"
                            + " the entry " + flowEntry(k));
                }
                // the inner flow is read as it inflates: its description sets the cap of its parameters, so an
                // entry that inflates far beyond what it declares is refused after its description plus that cap
                try (InputStream in = zip.getInputStream(entry)) {
                    flows.add(FlowFiles.load(in, file + " (entry " + flowEntry(k) + ")", limits));
                }
            }
            return checked(parsed, flows, file);
        } catch (ZipException | EOFException e) {
            throw new IOException(file + " is not an FLD reference file, or it is corrupt or truncated ("
                    + e.getMessage() + ")", e);
        }
    }

    /** How many flows the description declares: 1 for version 1, its {@code referenceFlows} option for version 2. */
    private static int declaredFlows(Object parsed) {
        JsonFields m = JsonFields.of(parsed, JSON_ENTRY);
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("format is " + JsonFields.describe(m.get("format")) + ", expected "
                    + FORMAT);
        }
        long version = m.integer("version", 1, Integer.MAX_VALUE);
        if (version != VERSION && version != ENSEMBLE_VERSION) {
            throw new IllegalArgumentException("version " + version + " is not supported (this fld4j reads versions "
                    + VERSION + " and " + ENSEMBLE_VERSION + ")");
        }
        if (version == VERSION) {
            return 1;
        }
        return m.object("options").intValue("referenceFlows", 2, FldOptions.MAX_REFERENCE_FLOWS);
    }

    private static FldReference checked(Object parsed, List<Flow> flows, Path file) throws IOException {
        FldReference reference;
        try {
            reference = fromJson(parsed, flows);
        } catch (RuntimeException e) {
            throw new IOException(file + ": invalid " + JSON_ENTRY + ": " + e.getMessage(), e);
        }
        probe(reference, file);
        return reference;
    }

    /**
     * Scores {@value #PROBE_IMAGES} fixed images of the reference's shape (all 0, all 128, all 255, seeded noise)
     * in one batch, and refuses the reference when one gets a log-likelihood that is not finite: parameters that
     * are finite but absurd (1e30) pass the file checks yet make every score meaningless. One forward pass of
     * four images: for the official flow on 3 x 32 x 32 images about 0.1 s on two busy cores, the time of scoring
     * four images, small beside loading the flow and scoring a set.
     */
    static void probe(FldReference reference, Path file) throws IOException {
        long[] shape = reference.imageShape();
        int size = Math.toIntExact(reference.dimension());
        float[] images = new float[PROBE_IMAGES * size];
        java.util.Arrays.fill(images, size, 2 * size, 128f);
        java.util.Arrays.fill(images, 2 * size, 3 * size, 255f);
        SplittableRandom random = new SplittableRandom(PROBE_SEED);
        for (int i = 3 * size; i < 4 * size; i++) {
            images[i] = random.nextInt(256);
        }
        String[] names = {"all 0", "all 128", "all 255", "seeded noise"};
        for (int f = 0; f < reference.referenceFlows(); f++) {
            probe(reference, f, images, names, file);
        }
    }

    private static void probe(FldReference reference, int f, float[] images, String[] names, Path file)
            throws IOException {
        long[] shape = reference.imageShape();
        Flow flow = reference.members().get(f).flow();
        String which = reference.referenceFlows() == 1 ? "its flow" : "its flow " + (f + 1);
        EvaluationOptions options = reference.options().evaluation().withBatchSize(PROBE_IMAGES);
        try {
            double[] values = flow.logProb(Nd4j.createFromArray(images).reshape(PROBE_IMAGES, shape[0], shape[1],
                    shape[2]), options);
            for (int k = 0; k < PROBE_IMAGES; k++) {
                if (!Double.isFinite(values[k])) {
                    throw new IOException(file + ": corrupt reference: " + which + " gives an image of " + shape[0] + "x"
                            + shape[1] + "x" + shape[2] + " pixels (" + names[k] + ") the log-likelihood "
                            + values[k] + "; the flow's parameters are not those of a trained flow");
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": corrupt reference: " + which + " fails on a test image (" + e.getMessage()
                    + ")", e);
        } finally {
            flow.releaseWorkArrays();
        }
    }

    private static FldReference fromJson(Object parsed, List<Flow> flows) {
        Flow flow = flows.get(0);
        JsonFields m = JsonFields.of(parsed, JSON_ENTRY);
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("format is " + JsonFields.describe(m.get("format")) + ", expected "
                    + FORMAT);
        }
        long version = m.integer("version", 1, Integer.MAX_VALUE);
        JsonFields o = m.object("options");
        int anyInt = Integer.MAX_VALUE;
        FldOptions options = new FldOptions(ImagePreset.parse(o.string("preset")), o.number("heldOutFraction"),
                o.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE), o.intValue("maxEpochs", -anyInt, anyInt),
                Duration.ofSeconds(o.integer("timeBudgetSeconds", 0, Long.MAX_VALUE / 1_000_000_000L)),
                o.intValue("batchSize", -anyInt, anyInt), o.intValue("evaluationBatchSize", -anyInt, anyInt),
                o.intValue("dequantizationSamples", -anyInt, anyInt), o.intValue("bootstrapResamples", -anyInt, anyInt),
                o.number("confidence"), version == VERSION ? 1 : o.intValue("referenceFlows", 2,
                        FldOptions.MAX_REFERENCE_FLOWS));
        if (m.has("imageShape")) {
            List<?> shape = m.list("imageShape");
            List<Long> expected = new ArrayList<>();
            for (long s : flow.sampleShape()) {
                expected.add(s);
            }
            if (!shape.equals(expected)) {
                throw new IllegalArgumentException("field 'imageShape' is " + shape + " but the flow takes images of "
                        + expected);
            }
        }
        List<ReferenceMember> members = new ArrayList<>();
        members.add(member(m, flow, options.seed(), ""));
        if (flows.size() > 1) {
            List<?> more = m.list("moreFlows");
            if (more.size() != flows.size() - 1) {
                throw new IllegalArgumentException("field 'moreFlows' describes " + more.size() + " flows, the"
                        + " options declare " + (flows.size() - 1) + " beyond the first");
            }
            for (int k = 1; k < flows.size(); k++) {
                JsonFields member = JsonFields.of(more.get(k - 1), "moreFlows[" + (k - 1) + "]");
                if (!flowEntry(k).equals(member.string("entry"))) {
                    throw new IllegalArgumentException("moreFlows[" + (k - 1) + "] names the entry "
                            + JsonFields.describe(member.get("entry")) + ", expected " + flowEntry(k));
                }
                members.add(member(member, flows.get(k), member.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                        "moreFlows[" + (k - 1) + "]."));
            }
        }
        return new FldReference(members, options, m.string("realFingerprint"), m.integer("realImages", 0,
                Long.MAX_VALUE), m.get("writtenBy") instanceof String writtenBy ? writtenBy : "",
                m.has("card") ? card(m.object("card")) : null);
    }

    /** One flow's held-out statistics and training account; {@code path} prefixes field names in errors. */
    private static ReferenceMember member(JsonFields m, Flow flow, long seed, String path) {
        List<?> values = m.list("heldOutLogLikelihoods");
        List<?> nameList = m.list("heldOutNames");
        if (values.size() != nameList.size()) {
            throw new IllegalArgumentException("field '" + path + "heldOutLogLikelihoods' holds " + values.size()
                    + " values but '" + path + "heldOutNames' " + nameList.size() + " names");
        }
        double[] heldOut = new double[values.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < heldOut.length; i++) {
            if (!(nameList.get(i) instanceof String name)) {
                throw new IllegalArgumentException("field '" + path + "heldOutNames' holds "
                        + JsonFields.describe(nameList.get(i)) + " at position " + i + ", not a name");
            }
            if (!(values.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("corrupt reference: held-out image " + name + " has the stored"
                        + " log-likelihood " + JsonFields.describe(values.get(i)) + ", not a finite number");
            }
            heldOut[i] = n.doubleValue();
            names.add(name);
        }
        return new ReferenceMember(flow, seed, heldOut, names, m.integer("trainingImages", 0, Long.MAX_VALUE),
                m.string("training"));
    }
}
