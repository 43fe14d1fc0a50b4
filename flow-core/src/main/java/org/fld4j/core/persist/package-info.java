/**
 * The parts of fld4j's files, which know nothing of flows: JSON read and written with Jackson under
 * hard limits ({@link org.fld4j.core.persist.Json}, {@link org.fld4j.core.persist.JsonFields}), NPY
 * vectors, zip entries read with caps, atomic writes (recognisable temporary files, cleaned after
 * killed saves and at exit) and the {@link org.fld4j.core.persist.FlowFileLimits} of a read.
 * {@link org.fld4j.core.FlowFiles} puts them together into the {@code .fld} file of a flow.
 */
package org.fld4j.core.persist;
