package org.fld4j.core.internal.kernel;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A coupling's soft-clamped scale: with {@code ea = e^a} per entry of the clamp {@code a} (which runs
 * along dimension 1), {@code th = tanh(raw / ea)}, {@code s = ea th} (times {@code changing} where
 * given, so that masked values keep scale 0) and {@code es = e^s}. One call, two paths: the fused
 * float32 loop of {@link SmallFloatKernels#scaleAndExp} where the arrays fit it (a dense coupling's
 * contiguous {@code [raw | t]} output, nothing masked), ND4J's ops otherwise.
 */
public final class SoftClamp {

    private SoftClamp() {
    }

    /**
     * @param out      the conditioner's whole output
     * @param raw      its raw-scale block as a view, made only where ND4J's ops need it (a view costs a native
     *                 shape buffer)
     * @param ea       a work vector as long as the clamp (unused on the fused path)
     */
    public static void apply(INDArray out, Supplier<INDArray> raw, INDArray clamp, INDArray th, INDArray s, INDArray es,
                             INDArray changing, INDArray ea) {
        if (changing == null && th.rank() == 2
                && SmallFloatKernels.appliesToScale(out, (int) th.size(1), clamp, th, s, es)) {
            SmallFloatKernels.scaleAndExp(out, (int) th.size(1), clamp, th, s, es);
            return;
        }
        Nd4j.exec(new Exp(clamp.reshape(clamp.length()), ea));
        Broadcast.div(raw.get(), ea, th, 1);
        Nd4j.exec(new Tanh(th, th));
        Broadcast.mul(th, ea, s, 1);
        if (changing != null) {
            s.muli(changing);
        }
        Nd4j.exec(new Exp(s, es));
    }
}
