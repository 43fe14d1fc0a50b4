package org.fld4j.spark;

import java.io.Serializable;
import org.fld4j.metrics.gaussian.TestFamily;

/**
 * The coordinates of one cell of the Gaussian lab's table, the unit of work of a cell task.
 *
 * @param dimension D
 * @param family    the test family
 * @param scale     s
 * @param shift     t
 */
record LabCell(int dimension, TestFamily family, double scale, double shift) implements Serializable {

    private static final long serialVersionUID = 1L;
}
