/**
 * Saving and loading flows: one zip file per flow with a JSON description and the parameters as
 * NPY; atomic writes and checked reads.
 */
package org.fld4j.core.persist;
