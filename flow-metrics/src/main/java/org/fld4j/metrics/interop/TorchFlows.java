package org.fld4j.metrics.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fld4j.core.Flow;
import org.fld4j.core.FlowNetwork;
import org.fld4j.core.ImageFlowBuilder;
import org.fld4j.core.image.ImageFlowOptions;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.transform.Transform;
import org.fld4j.io.array.NpyArray;
import org.fld4j.io.array.NpyDtype;
import org.fld4j.io.array.NpyWriteOptions;
import org.fld4j.io.array.NpzArchive;
import org.fld4j.io.array.NpzWriter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FLD's PyTorch image flow in and out of fld4j, exactly: every {@code state_dict} tensor maps to one fld4j parameter
 * tensor with the same values (see {@link TorchKeys}), so both compute the same log-likelihoods up to float32
 * rounding (docs/interop.md).
 *
 * <p>A flow travels as a pair: {@code NAME.npz}, every {@code state_dict} entry under its own key as float32 (the
 * masks included, which are checked, not loaded), and {@code NAME.json}, the configuration ({@link TorchFlowConfig}).
 * {@code interop/fld4j_torch.py} writes the pair from a PyTorch model and loads it back into one.
 */
public final class TorchFlows {

    private TorchFlows() {
    }

    /**
     * Reads the pair that {@code file} (its {@code .npz} or its {@code .json}) belongs to into a float32 fld4j flow.
     *
     * @throws TorchFormatException naming the file and entry for a missing, extra or misshapen entry, a non-finite
     *                              weight, a mask that is not the layout's, or an unsupported configuration
     * @throws IOException          if a file cannot be read
     */
    public static Flow importFlow(Path file) throws IOException {
        Path npz = sibling(file, ".npz");
        Path json = sibling(file, ".json");
        for (Path p : List.of(npz, json)) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString(), null, "a PyTorch flow is a pair NAME.npz + NAME.json;"
                        + " this half is missing");
            }
        }
        TorchFlowConfig config = readConfig(json);
        TorchKeys keys = TorchKeys.of(config);
        checkEntries(npz, config, keys);
        ImageFlowOptions options = config.toOptions();
        FlowNetwork network = FlowNetwork.create(options.shape(), DataType.FLOAT, ImageFlowBuilder.layers(options), 0L);
        List<ParameterSpec> specs = specs(network.layers());
        List<TorchTensor> tensors = keys.parameters();
        checkAligned(specs, tensors);
        float[] flat = new float[Math.toIntExact(network.parameterCount())];
        int offset = 0;
        for (TorchTensor t : tensors) {
            double[] values = read(npz, t);
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new TorchFormatException(npz + ": entry '" + t.key() + "' holds a non-finite value ("
                            + values[i] + ") at element " + i);
                }
                flat[offset + i] = (float) values[i];
            }
            offset += values.length;
        }
        for (Map.Entry<TorchTensor, double[]> mask : keys.masks().entrySet()) {
            double[] values = read(npz, mask.getKey());
            if (!Arrays.equals(values, mask.getValue())) {
                throw new TorchFormatException(npz + ": entry '" + mask.getKey().key() + "' is not the mask of the"
                        + " official layout at this position (checkerboard or channel halves, inverted every other"
                        + " coupling)");
            }
        }
        network.parameters().assign(Nd4j.createFromArray(flat).reshape(network.parameters().shape()));
        return Flow.adopt(network);
    }

    /**
     * Writes {@code flow}, which must have the official FLD layout (the fld-paper and small presets have it), as
     * {@code NAME.npz} (float32) and {@code NAME.json}, where {@code file} is either of the two names.
     *
     * @throws IllegalArgumentException   if PyTorch's {@code ImageFlow} cannot hold the flow, naming the first layer
     *                                    that differs, or if a weight is not finite
     * @throws FileAlreadyExistsException if either file exists
     * @throws IOException                if writing fails
     */
    public static void export(Flow flow, Path file) throws IOException {
        Path npz = sibling(file, ".npz");
        Path json = sibling(file, ".json");
        for (Path p : List.of(npz, json)) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString());
            }
        }
        TorchFlowConfig config = TorchFlowConfig.of(FlowLayout.optionsOf(flow));
        TorchKeys keys = TorchKeys.of(config);
        List<TorchTensor> tensors = keys.parameters();
        checkAligned(specs(flow.toNetwork().layers()), tensors);
        double[] flat = flow.parameters().toDoubleVector();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        int offset = 0;
        for (TorchTensor t : tensors) {
            double[] values = Arrays.copyOfRange(flat, offset, offset + Math.toIntExact(t.length()));
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the flow's parameter for '" + t.key() + "' holds " + v);
                }
            }
            arrays.put(t.key(), Nd4j.create(values, t.shape()));
            offset += values.length;
        }
        keys.masks().forEach((t, values) -> arrays.put(t.key(), Nd4j.create(values, t.shape())));
        NpzWriter.write(npz, arrays, NpyWriteOptions.of(NpyDtype.FLOAT32));
        Files.writeString(json, TorchConfigJson.write(config), StandardCharsets.UTF_8);
    }

    /** The configuration half of the pair {@code file} belongs to. */
    public static TorchFlowConfig readConfig(Path file) throws IOException {
        return TorchConfigJson.read(sibling(file, ".json"));
    }

    /** {@code file} with its {@code .npz} or {@code .json} extension replaced by {@code extension}. */
    static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        if (!ext.equals(".npz") && !ext.equals(".json")) {
            throw new IllegalArgumentException(file + ": a PyTorch flow is named NAME.npz (with NAME.json beside it),"
                    + " not '" + name + "'");
        }
        return file.resolveSibling(name.substring(0, dot) + extension);
    }

    private static void checkEntries(Path npz, TorchFlowConfig config, TorchKeys keys) {
        Set<String> present = new TreeSet<>(NpzArchive.entries(npz));
        Set<String> expected = new LinkedHashSet<>();
        List<TorchTensor> all = new ArrayList<>(keys.parameters());
        all.addAll(keys.masks().keySet());
        all.forEach(t -> expected.add(t.key()));
        for (TorchTensor t : all) {
            if (!present.contains(t.key())) {
                long more = all.stream().filter(x -> !present.contains(x.key())).count() - 1;
                throw new TorchFormatException(npz + ": missing entry '" + t.key() + "' of shape "
                        + Arrays.toString(t.shape()) + (more > 0 ? " (and " + more + " more)" : "")
                        + ", which a flow of " + config + " needs");
            }
        }
        for (String key : present) {
            if (!expected.contains(key)) {
                throw new TorchFormatException(npz + ": unexpected entry '" + key + "', which a flow of " + config
                        + " does not have (does the JSON configuration describe this state_dict?)");
            }
        }
    }

    private static double[] read(Path npz, TorchTensor t) {
        NpyArray array = NpzArchive.open(npz, t.key());
        long[] shape = array.header().shape();
        if (!Arrays.equals(shape, t.shape())) {
            throw new TorchFormatException(npz + ": entry '" + t.key() + "' has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(t.shape()));
        }
        return array.toDoubles();
    }

    private static List<ParameterSpec> specs(List<Transform> layers) {
        List<ParameterSpec> specs = new ArrayList<>();
        layers.forEach(l -> specs.addAll(l.parameterSpecs()));
        return specs;
    }

    /** fld4j's parameter tensors and PyTorch's must pair up: same count, same values per tensor. */
    private static void checkAligned(List<ParameterSpec> specs, List<TorchTensor> tensors) {
        if (specs.size() != tensors.size()) {
            throw new IllegalStateException("fld4j's flow has " + specs.size() + " parameter tensors, PyTorch's "
                    + tensors.size());
        }
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).length() != tensors.get(i).length()) {
                throw new IllegalStateException("parameter " + specs.get(i) + " does not pair with " + tensors.get(i));
            }
        }
    }
}
