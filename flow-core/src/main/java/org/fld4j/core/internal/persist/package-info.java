/**
 * The parts of fld4j's files, which know nothing of flows: JSON read and written with Jackson under
 * hard limits ({@link org.fld4j.core.internal.persist.Json}, {@link org.fld4j.core.internal.persist.JsonFields}),
 * NPY vectors, zip entries read with caps and written with fixed time stamps, and atomic writes (recognisable
 * temporary files, cleaned after killed saves and at exit). {@link org.fld4j.core.FlowFiles} puts them together
 * into the {@code .fld} file of a flow, under {@link org.fld4j.core.FlowFileLimits}. Internal (see
 * {@link org.fld4j.core.internal}).
 */
package org.fld4j.core.internal.persist;
