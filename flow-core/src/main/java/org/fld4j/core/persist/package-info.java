/**
 * Saving and loading flows: one zip file per flow with a JSON description and the parameters as
 * NPY; atomic writes (recognisable temporary files, cleaned after killed saves and at exit) and
 * checked reads bounded by {@link org.fld4j.core.persist.FlowFileLimits} and hard entry caps.
 */
package org.fld4j.core.persist;
