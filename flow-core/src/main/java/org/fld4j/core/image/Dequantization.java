package org.fld4j.core.image;

/** How an image flow turns discrete pixels into continuous values (SPEC §2). */
public enum Dequantization {
    /** {@code y = (x + u)/256}, {@code u ~ U[0,1)}: an unbiased estimate of log P(x). */
    UNIFORM,
    /** Learned noise {@code u ~ q(u|x)} (Flow++): a tighter variational lower bound. */
    VARIATIONAL
}
