package org.fld4j.core.coupling;

/**
 * How an affine coupling applies its scale {@code s} and shift {@code t} to the transformed part;
 * both have {@code log|det J| = sum(s)}.
 */
public enum CouplingForm {
    /** RealNVP: {@code y = x * exp(s) + t}. */
    AFFINE,
    /** The official FLD flow: {@code y = (x + t) * exp(s)}. */
    FLD
}
