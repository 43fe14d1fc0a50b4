package org.fld4j.core.layer;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.fld4j.core.memory.BufferCache;
import org.fld4j.core.transform.ParameterSpec;
import org.fld4j.core.memory.WorkArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

/**
 * An invertible D x D weight matrix in Glow's LU parametrisation,
 * {@code W = P L (U + diag(sign * exp(logScale)))}, with a fixed permutation P, unit
 * lower-triangular L, strictly upper-triangular U and fixed signs; then
 * {@code log|det W| = sum(logScale)}, O(D) instead of a determinant.
 *
 * <p>Layers that multiply by such a matrix ({@link InvertibleLinear} on vectors, the invertible 1x1
 * convolution on image channels) hold one of these: it owns the three parameter tensors
 * ({@code lower}, {@code upper}, {@code logScale}), builds W for the forward pass and W^-1 in double
 * for the inverse, and turns {@code dL/dW} into the parameter gradients. L and U are stored as full
 * D x D matrices whose entries outside their triangle stay zero: their gradients are masked.
 */
public final class LuWeight implements WorkArrays {

    private final int dimension;
    private final int[] rowPermutation;
    private final double[] sign;
    private final DataType dataType;
    private final BufferCache buffers = new BufferCache();
    private final INDArray lowerMask;
    private final INDArray upperMask;
    private final INDArray identity;
    private final INDArray signVector;
    private final INDArray rowIndex;
    private final INDArray inverseRowIndex;
    /** Initial values from the LU decomposition of a random rotation, written by {@link #initialize}. */
    private double[][] initialLower;
    private double[][] initialUpper;
    private double[] initialLogScale;
    private INDArray lower;
    private INDArray upper;
    private INDArray logScale;
    private INDArray lowerGrad;
    private INDArray upperGrad;
    private INDArray logScaleGrad;

    /**
     * A weight with the given fixed structure; its parameters start so that {@code W = P} unless it
     * comes from {@link #randomRotation}.
     *
     * @param rowPermutation P as {@code (P A)[i] = A[rowPermutation[i]]}
     * @param sign           the fixed signs of the diagonal of U, each +1 or -1
     * @param dataType       the type of the parameters and of W in the forward pass
     */
    public LuWeight(int[] rowPermutation, double[] sign, DataType dataType) {
        this.dimension = rowPermutation.length;
        if (dimension < 1) {
            throw new IllegalArgumentException("rowPermutation must not be empty");
        }
        if (sign.length != dimension) {
            throw new IllegalArgumentException("sign has length " + sign.length + ", expected " + dimension);
        }
        this.rowPermutation = rowPermutation.clone();
        int[] inverseRowPermutation = new int[dimension];
        boolean[] seen = new boolean[dimension];
        for (int i = 0; i < dimension; i++) {
            int p = rowPermutation[i];
            if (p < 0 || p >= dimension || seen[p]) {
                throw new IllegalArgumentException("rowPermutation is not a permutation at index " + i + ": " + p);
            }
            seen[p] = true;
            inverseRowPermutation[p] = i;
            if (sign[i] != 1.0 && sign[i] != -1.0) {
                throw new IllegalArgumentException("sign[" + i + "] must be +1 or -1, got " + sign[i]);
            }
        }
        this.sign = sign.clone();
        this.dataType = dataType;
        double[][] lo = new double[dimension][dimension];
        double[][] up = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                lo[i][j] = i > j ? 1 : 0;
                up[i][j] = i < j ? 1 : 0;
            }
        }
        this.lowerMask = Nd4j.createFromArray(lo).castTo(dataType);
        this.upperMask = Nd4j.createFromArray(up).castTo(dataType);
        this.identity = Nd4j.eye(dimension).castTo(dataType);
        this.signVector = Nd4j.createFromArray(this.sign).castTo(dataType).reshape(1, dimension);
        this.rowIndex = Nd4j.createFromArray(this.rowPermutation);
        this.inverseRowIndex = Nd4j.createFromArray(inverseRowPermutation);
    }

    /**
     * A weight that starts as a random rotation (Glow's initialisation): the QR decomposition of a
     * Gaussian matrix gives an orthogonal Q, whose pivoted LU decomposition fixes P and the signs.
     */
    public static LuWeight randomRotation(int dimension, RandomGenerator random, DataType dataType) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        double[][] g = new double[dimension][dimension];
        for (double[] row : g) {
            for (int j = 0; j < dimension; j++) {
                row[j] = random.nextGaussian();
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        LUDecomposition lu = new LUDecomposition(q);
        int[] pivot = lu.getPivot(); // (P_lu Q)[i] = Q[pivot[i]], Q = P_lu^T L U
        int[] perm = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            perm[pivot[i]] = i;
        }
        RealMatrix l = lu.getL();
        RealMatrix u = lu.getU();
        double[] sign = new double[dimension];
        double[] logScale = new double[dimension];
        double[][] upper = new double[dimension][dimension];
        double[][] lower = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            double d = u.getEntry(i, i);
            sign[i] = d < 0 ? -1 : 1;
            logScale[i] = Math.log(Math.abs(d));
            for (int j = 0; j < dimension; j++) {
                if (j > i) {
                    upper[i][j] = u.getEntry(i, j);
                } else if (j < i) {
                    lower[i][j] = l.getEntry(i, j);
                }
            }
        }
        LuWeight weight = new LuWeight(perm, sign, dataType);
        weight.initialLower = lower;
        weight.initialUpper = upper;
        weight.initialLogScale = logScale;
        return weight;
    }

    /** D, the size of the square matrix. */
    public int dimension() {
        return dimension;
    }

    /** P as {@code (P A)[i] = A[rowPermutation[i]]} (a copy). */
    public int[] rowPermutation() {
        return rowPermutation.clone();
    }

    /** The fixed signs of U's diagonal (a copy). */
    public double[] sign() {
        return sign.clone();
    }

    /** {@code lower} [D, D], {@code upper} [D, D] and {@code logScale} [1, D], in this order. */
    public List<ParameterSpec> parameterSpecs() {
        return List.of(new ParameterSpec("lower", dimension, dimension),
                new ParameterSpec("upper", dimension, dimension),
                new ParameterSpec("logScale", 1, dimension));
    }

    /** Takes the views of the three parameter tensors and their gradients, in {@link #parameterSpecs()} order. */
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        if (values.size() != 3 || gradients.size() != 3) {
            throw new IllegalArgumentException("an LU weight has 3 parameter tensors, got " + values.size()
                    + " values and " + gradients.size() + " gradients");
        }
        lower = values.get(0);
        upper = values.get(1);
        logScale = values.get(2);
        lowerGrad = gradients.get(0);
        upperGrad = gradients.get(1);
        logScaleGrad = gradients.get(2);
    }

    /** Writes the rotation chosen by {@link #randomRotation}, or zeros (W = P) otherwise. */
    public void initialize() {
        if (initialLower != null) {
            lower.assign(Nd4j.createFromArray(initialLower).castTo(dataType));
            upper.assign(Nd4j.createFromArray(initialUpper).castTo(dataType));
            logScale.assign(Nd4j.createFromArray(initialLogScale).castTo(dataType).reshape(1, dimension));
        } else {
            lower.assign(0);
            upper.assign(0);
            logScale.assign(0);
        }
    }

    /** {@code log|det W| = sum(logScale)}, summed in double. */
    public double logAbsDeterminant() {
        return logScale.castTo(DataType.DOUBLE).sumNumber().doubleValue();
    }

    /**
     * W in the parameters' type, in a buffer of this object. Also remembers L and U' (U with its
     * signed diagonal) for the next {@link #accumulateGradients}.
     */
    public INDArray forwardWeight() {
        return weight(dataType, "f.");
    }

    /** The W that the last {@link #forwardWeight} call built (the same buffer), for a backward pass. */
    public INDArray lastForwardWeight() {
        return buffers.get("f.W", dataType, dimension, dimension);
    }

    /** W^-1, computed in double and then cast to the parameters' type (a new array). */
    public INDArray inverseWeight() {
        INDArray w = weight(DataType.DOUBLE, "i.");
        return InvertMatrix.invert(w, false).castTo(dataType);
    }

    /** W = P L U' in the given type; the prefix keeps the forward buffers apart from the inverse ones. */
    private INDArray weight(DataType type, String prefix) {
        INDArray l = buffers.get(prefix + "L", type, dimension, dimension);
        l.assign(lower).muli(constant(lowerMask, type)).addi(constant(identity, type));
        INDArray diag = signedScale(type, prefix);
        INDArray u = buffers.get(prefix + "U", type, dimension, dimension);
        u.assign(constant(identity, type)).muliRowVector(diag);
        INDArray upperPart = buffers.get(prefix + "upper", type, dimension, dimension);
        upperPart.assign(upper).muli(constant(upperMask, type));
        u.addi(upperPart);
        INDArray a = buffers.get(prefix + "A", type, dimension, dimension);
        Nd4j.gemm(l, u, a, false, false, 1.0, 0.0);
        INDArray w = buffers.get(prefix + "W", type, dimension, dimension);
        rows(a, rowIndex, w);
        return w;
    }

    /** sign * exp(logScale) as a row vector of the given type. */
    private INDArray signedScale(DataType type, String prefix) {
        INDArray diag = buffers.get(prefix + "diag", type, 1, dimension);
        diag.assign(logScale);
        Nd4j.exec(new Exp(diag, diag));
        return diag.muli(constant(signVector, type));
    }

    /** The constant matrices in the layer's type, or in double for the inverse. */
    private INDArray constant(INDArray c, DataType type) {
        return c.dataType() == type ? c : buffers.get("const" + System.identityHashCode(c), type, c.shape()).assign(c);
    }

    private static void rows(INDArray source, INDArray index, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(source, index).addIntegerArguments(0)
                .addOutputs(out).build());
    }

    /**
     * Adds the parameter gradients for the W of the last {@link #forwardWeight} call.
     *
     * @param gradWeight     {@code dL/dW} [D, D] in the parameters' type; used as scratch
     * @param gradLogAbsDet  {@code dL/d log|det W|}, the weight with which {@link #logAbsDeterminant}
     *                       enters the loss (summed over the samples and, for a convolution, the pixels)
     */
    public void accumulateGradients(INDArray gradWeight, double gradLogAbsDet) {
        INDArray l = buffers.get("f.L", dataType, dimension, dimension);
        INDArray u = buffers.get("f.U", dataType, dimension, dimension);
        // W = P A with A = L U', so dL/dA = P^T dL/dW.
        INDArray ga = buffers.get("b.gA", dataType, dimension, dimension);
        rows(gradWeight, inverseRowIndex, ga);
        INDArray gl = buffers.get("b.gL", dataType, dimension, dimension);
        Nd4j.gemm(ga, u, gl, false, true, 1.0, 0.0);
        lowerGrad.addi(gl.muli(lowerMask));
        INDArray gu = buffers.get("b.gU", dataType, dimension, dimension);
        Nd4j.gemm(l, ga, gu, true, false, 1.0, 0.0);
        INDArray diagGrad = buffers.get("b.diag", dataType, dimension);
        Nd4j.exec(DynamicCustomOp.builder("diag_part").addInputs(gu).addOutputs(diagGrad).build());
        upperGrad.addi(gu.muli(upperMask));
        // d logDet / d logScale = 1; d W / d logScale = sign * exp(logScale) on U's diagonal
        logScaleGrad.addi(diagGrad.reshape(1, dimension).muli(buffers.get("f.diag", dataType, 1, dimension)))
                .addi(gradLogAbsDet);
    }

    /** Frees W, its factors and the gradient scratch; the parameters and constants stay. */
    @Override
    public void releaseWorkArrays() {
        buffers.release();
    }
}
