/**
 * The error of a flow or reference file that cannot be read ({@link org.fld4j.core.persist.FlowFileException}, which
 * names the file and what is wrong with it). It has a package of its own so that the file format's internal parts
 * ({@code org.fld4j.core.internal.persist}) can throw it without depending on the root package that assembles them.
 */
package org.fld4j.core.persist;
