package org.fld4j.metrics.gaussian.lab;

import org.fld4j.metrics.gaussian.TestFamily;
import org.fld4j.metrics.likelihood.DensityCurve;

/**
 * The kernel density estimates of one cell's log-likelihoods, for figures: the density of
 * {@code log p(x)} and of {@code log p_theta(x)} over the cell's test set.
 *
 * @param dimension          D
 * @param family             the test family
 * @param scale              s
 * @param shift              t
 * @param trueLogDensity     the density of {@code log p(x_i)}
 * @param modelLogLikelihood the density of {@code log p_theta(x_i)}
 */
public record CellCurves(int dimension, TestFamily family, double scale, double shift, DensityCurve trueLogDensity,
                         DensityCurve modelLogLikelihood) {
}
