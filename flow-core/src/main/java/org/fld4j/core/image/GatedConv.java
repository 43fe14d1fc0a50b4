package org.fld4j.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.fld4j.core.BufferCache;
import org.fld4j.core.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The residual gated block of the FLD conditioner: ConcatELU, conv3x3 (2c to c), ConcatELU,
 * conv1x1 (2c to 2c), split into value and gate, {@code x + value * sigmoid(gate)}.
 */
final class GatedConv {

    private final int channels;
    private final DataType dataType;
    private final Conv2d conv3;
    private final Conv2d conv1;
    private final BufferCache buffers = new BufferCache();

    GatedConv(int channels, DataType dataType) {
        this.channels = channels;
        this.dataType = dataType;
        this.conv3 = new Conv2d(2 * channels, channels, 3, dataType);
        this.conv1 = new Conv2d(2 * channels, 2 * channels, 1, dataType);
    }

    static long parameterCount(int c) {
        return Conv2d.parameterCount(2 * c, c, 3) + Conv2d.parameterCount(2 * c, 2 * c, 1);
    }

    List<ParameterSpec> parameterSpecs(String prefix) {
        List<ParameterSpec> specs = new ArrayList<>(conv3.parameterSpecs(prefix + "conv3."));
        specs.addAll(conv1.parameterSpecs(prefix + "conv1."));
        return specs;
    }

    void bind(List<INDArray> values, List<INDArray> grads, int offset) {
        conv3.bind(values, grads, offset);
        conv1.bind(values, grads, offset + 2);
    }

    void initialize(RandomGenerator random) {
        conv3.initialize(random, false);
        conv1.initialize(random, false);
    }

    private INDArray buffer(String name, long n, long c, long h, long w) {
        return buffers.get(name, dataType, n, c, h, w);
    }

    INDArray forward(INDArray x) {
        long n = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        INDArray a1 = buffer("a1", n, 2L * channels, h, w);
        ConcatElu.forward(x, buffer("neg1", n, channels, h, w), a1);
        INDArray c1 = conv3.forward(a1, buffer("c1", n, channels, h, w));
        INDArray a2 = buffer("a2", n, 2L * channels, h, w);
        ConcatElu.forward(c1, buffer("neg2", n, channels, h, w), a2);
        INDArray c2 = conv1.forward(a2, buffer("c2", n, 2L * channels, h, w));
        INDArray gate = buffer("gate", n, channels, h, w);
        Nd4j.exec(new Sigmoid(ConcatElu.channels(c2, channels, 2L * channels), gate));
        INDArray y = buffer("y", n, channels, h, w);
        y.assign(ConcatElu.channels(c2, 0, channels)).muli(gate).addi(x);
        return y;
    }

    /** Adds parameter gradients and returns {@code dL/dx} through the last forward with input {@code x}. */
    INDArray backward(INDArray x, INDArray gradOut) {
        long n = x.size(0);
        long h = x.size(2);
        long w = x.size(3);
        INDArray gate = buffer("gate", n, channels, h, w);
        INDArray c2 = buffer("c2", n, 2L * channels, h, w);
        INDArray gc2 = buffer("b.gc2", n, 2L * channels, h, w);
        // y = x + v s(g): dy/dv = s(g), dy/dg = v s(g) (1 - s(g)).
        INDArray gv = ConcatElu.channels(gc2, 0, channels);
        gv.assign(gradOut).muli(gate);
        INDArray gg = ConcatElu.channels(gc2, channels, 2L * channels);
        gg.assign(gate).rsubi(1.0).muli(gv).muli(ConcatElu.channels(c2, 0, channels));
        INDArray ga2 = conv1.backward(buffer("a2", n, 2L * channels, h, w), gc2, buffer("b.ga2", n, 2L * channels, h, w));
        INDArray gc1 = ConcatElu.backward(buffer("c1", n, channels, h, w), buffer("neg2", n, channels, h, w), ga2,
                buffer("b.s1", n, channels, h, w), buffer("b.gc1", n, channels, h, w));
        INDArray ga1 = conv3.backward(buffer("a1", n, 2L * channels, h, w), gc1, buffer("b.ga1", n, 2L * channels, h, w));
        INDArray gx = ConcatElu.backward(x, buffer("neg1", n, channels, h, w), ga1,
                buffer("b.s2", n, channels, h, w), buffer("b.gx", n, channels, h, w));
        return gx.addi(gradOut);
    }
}
