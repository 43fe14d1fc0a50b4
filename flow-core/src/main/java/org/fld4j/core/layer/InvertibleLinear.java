package org.fld4j.core.layer;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.fld4j.core.BufferCache;
import org.fld4j.core.LayerConfig;
import org.fld4j.core.ParameterSpec;
import org.fld4j.core.Transform;
import org.fld4j.core.Transformed;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An invertible linear map of a vector, {@code y = W x}, LU-parametrised as in Glow's invertible 1x1
 * convolution: {@code W = P L (U + diag(sign * exp(logScale)))} with a fixed permutation P, unit
 * lower-triangular L, strictly upper-triangular U and fixed signs. Then
 * {@code log|det W| = sum(logScale)}, O(D) instead of a determinant.
 *
 * <p>L and U are stored as full D x D matrices whose entries outside their triangle stay zero: their
 * gradients are masked. The inverse computes {@code W^-1} in double precision.
 */
public final class InvertibleLinear implements Transform {

    public static final String TYPE = "invertible-linear";

    private final int dimension;
    private final int[] rowPermutation;
    private final int[] inverseRowPermutation;
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
     * @param rowPermutation P as {@code (P A)[i] = A[rowPermutation[i]]}
     * @param sign           the fixed signs of the diagonal of U, each +1 or -1
     */
    public InvertibleLinear(int[] rowPermutation, double[] sign, DataType dataType) {
        this.dimension = rowPermutation.length;
        if (sign.length != dimension) {
            throw new IllegalArgumentException("sign has length " + sign.length + ", expected " + dimension);
        }
        this.rowPermutation = rowPermutation.clone();
        this.inverseRowPermutation = new int[dimension];
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
     * A layer that starts as a random rotation (Glow's initialisation): the QR decomposition of a
     * Gaussian matrix gives an orthogonal Q, whose pivoted LU decomposition fixes P and the signs.
     */
    public static InvertibleLinear randomRotation(int dimension, RandomGenerator random, DataType dataType) {
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
        InvertibleLinear layer = new InvertibleLinear(perm, sign, dataType);
        layer.initialLower = lower;
        layer.initialUpper = upper;
        layer.initialLogScale = logScale;
        return layer;
    }

    public static InvertibleLinear fromConfig(LayerConfig c) {
        return new InvertibleLinear(c.getIntArray("rowPermutation"), c.getDoubleArray("sign"),
                DataType.valueOf(c.getString("dataType")));
    }

    @Override
    public LayerConfig config() {
        return LayerConfig.of(TYPE)
                .put("rowPermutation", rowPermutation)
                .put("sign", sign)
                .put("dataType", dataType.name())
                .build();
    }

    @Override
    public long[] inputShape() {
        return new long[] {dimension};
    }

    @Override
    public long[] outputShape() {
        return inputShape();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(new ParameterSpec("lower", dimension, dimension),
                new ParameterSpec("upper", dimension, dimension),
                new ParameterSpec("logScale", 1, dimension));
    }

    @Override
    public void bind(List<INDArray> values, List<INDArray> gradients) {
        lower = values.get(0);
        upper = values.get(1);
        logScale = values.get(2);
        lowerGrad = gradients.get(0);
        upperGrad = gradients.get(1);
        logScaleGrad = gradients.get(2);
    }

    /** Writes the rotation chosen by {@link #randomRotation}, or the identity-like start otherwise. */
    @Override
    public void initialize(RandomGenerator random) {
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

    /** L (unit lower), U' (upper with the signed diagonal) and W = P L U', in the given type. */
    private INDArray[] weight(DataType type, String prefix) {
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
        return new INDArray[] {l, u, w};
    }

    /** sign * exp(logScale) as a row vector of the given type. */
    private INDArray signedScale(DataType type, String prefix) {
        INDArray diag = buffers.get(prefix + "diag", type, 1, dimension);
        diag.assign(logScale);
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Exp(diag, diag));
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

    private INDArray logDet(long n, String name, double signOfPass) {
        INDArray out = buffers.get(name, DataType.DOUBLE, n);
        out.assign(signOfPass * logScale.castTo(DataType.DOUBLE).sumNumber().doubleValue());
        return out;
    }

    @Override
    public Transformed forward(INDArray x) {
        long n = x.size(0);
        INDArray w = weight(dataType, "f.")[2];
        INDArray y = buffers.get("y", dataType, n, dimension);
        Nd4j.gemm(x, w, y, false, true, 1.0, 0.0);
        buffers.get("x", dataType, n, dimension).assign(x);
        return new Transformed(y, logDet(n, "logdet", 1.0));
    }

    @Override
    public Transformed inverse(INDArray y) {
        long n = y.size(0);
        INDArray w = weight(DataType.DOUBLE, "i.")[2];
        INDArray wInverse = org.nd4j.linalg.inverse.InvertMatrix.invert(w, false).castTo(dataType);
        INDArray x = buffers.get("inv.x", dataType, n, dimension);
        Nd4j.gemm(y, wInverse, x, false, true, 1.0, 0.0);
        return new Transformed(x, logDet(n, "inv.logdet", -1.0));
    }

    @Override
    public INDArray backward(INDArray gradOutput, INDArray gradLogDet) {
        long n = gradOutput.size(0);
        INDArray l = buffers.get("f.L", dataType, dimension, dimension);
        INDArray u = buffers.get("f.U", dataType, dimension, dimension);
        INDArray w = buffers.get("f.W", dataType, dimension, dimension);
        INDArray x = buffers.get("x", dataType, n, dimension);
        INDArray gx = buffers.get("b.gx", dataType, n, dimension);
        Nd4j.gemm(gradOutput, w, gx, false, false, 1.0, 0.0);
        INDArray gw = buffers.get("b.gW", dataType, dimension, dimension);
        Nd4j.gemm(gradOutput, x, gw, true, false, 1.0, 0.0);
        INDArray ga = buffers.get("b.gA", dataType, dimension, dimension);
        rows(gw, inverseRowIndex, ga);
        INDArray gl = buffers.get("b.gL", dataType, dimension, dimension);
        Nd4j.gemm(ga, u, gl, false, true, 1.0, 0.0);
        lowerGrad.addi(gl.muli(lowerMask));
        INDArray gu = buffers.get("b.gU", dataType, dimension, dimension);
        Nd4j.gemm(l, ga, gu, true, false, 1.0, 0.0);
        INDArray diagGrad = buffers.get("b.diag", dataType, dimension);
        Nd4j.exec(DynamicCustomOp.builder("diag_part").addInputs(gu).addOutputs(diagGrad).build());
        upperGrad.addi(gu.muli(upperMask));
        // d logDet / d logScale = 1 per sample; d W / d logScale = sign * exp(logScale) on U's diagonal
        logScaleGrad.addi(diagGrad.reshape(1, dimension).muli(buffers.get("f.diag", dataType, 1, dimension)))
                .addi(gradLogDet.sumNumber().doubleValue());
        return gx;
    }
}
