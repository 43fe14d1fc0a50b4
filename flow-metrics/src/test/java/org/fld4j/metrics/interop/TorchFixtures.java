package org.fld4j.metrics.interop;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fld4j.core.Flow;
import org.fld4j.core.internal.persist.Json;
import org.fld4j.core.internal.persist.JsonFields;
import org.fld4j.core.transform.NoiseKey;
import org.fld4j.io.array.NpyArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the interop tests share: the committed fixtures, PyTorch's outputs and fld4j's scores of the same images. */
final class TorchFixtures {

    private TorchFixtures() {
    }

    /** A committed fixture folder (torch.npz, torch.json, images.npy, torch_logprob.json). */
    static Path fixture(String name) {
        try {
            return Path.of(TorchFixtures.class.getResource(name + "/torch.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uint8 images [N, C, H, W] of {@code images.npy}, as float32. */
    static INDArray images(Path npy) {
        NpyArray array = NpyArray.open(npy);
        return Nd4j.create(array.toDoubles(), array.header().shape()).castTo(DataType.FLOAT);
    }

    /** The per-image log-likelihoods that reference_flow.py wrote. */
    static double[] torchLogProb(Path json) throws IOException {
        List<?> values = JsonFields.of(Json.parse(Files.readString(json, StandardCharsets.UTF_8)), json.toString())
                .list("log_prob");
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** fld4j's per-image log-likelihoods with every uniform draw of the dequantization at 1/2, as the script scores. */
    static double[] midpointLogProb(Flow flow, INDArray images) {
        return flow.toNetwork().logProb(images, NoiseKey.midpointKey());
    }

    /** The largest |a - b| / |b|. */
    static double maxRelativeDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError(a.length + " values against " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
        }
        return max;
    }
}
