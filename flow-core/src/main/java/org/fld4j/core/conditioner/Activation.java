package org.fld4j.core.conditioner;

import org.fld4j.core.internal.kernel.SmallFloatKernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** Elementwise activation of a conditioner network, with its backward pass. */
public enum Activation {
    /** max(0, x). */
    RELU {
        @Override
        void forward(INDArray pre, INDArray out) {
            SmallFloatKernels.relu(pre, out);
        }

        @Override
        void backward(INDArray pre, INDArray gradOut, INDArray gradIn) {
            SmallFloatKernels.reluBackward(pre, gradOut, gradIn);
        }
    },
    /** max(0.01 x, x). */
    LEAKY_RELU {
        @Override
        void forward(INDArray pre, INDArray out) {
            Nd4j.exec(new LeakyReLU(pre, out, 0.01));
        }

        @Override
        void backward(INDArray pre, INDArray gradOut, INDArray gradIn) {
            Nd4j.exec(new LeakyReLUBp(pre, gradOut, gradIn, 0.01));
        }
    },
    /** tanh(x). */
    TANH {
        @Override
        void forward(INDArray pre, INDArray out) {
            Nd4j.exec(new Tanh(pre, out));
        }

        @Override
        void backward(INDArray pre, INDArray gradOut, INDArray gradIn) {
            Nd4j.exec(new TanhDerivative(pre, gradOut, gradIn));
        }
    },
    /** x for x > 0, exp(x) - 1 otherwise. */
    ELU {
        @Override
        void forward(INDArray pre, INDArray out) {
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ELU(pre, out));
        }

        @Override
        void backward(INDArray pre, INDArray gradOut, INDArray gradIn) {
            Nd4j.exec(new EluBp(pre, gradOut, gradIn));
        }
    };

    /** out = act(pre); out may not alias pre. */
    abstract void forward(INDArray pre, INDArray out);

    /** gradIn = gradOut * act'(pre). */
    abstract void backward(INDArray pre, INDArray gradOut, INDArray gradIn);
}
