/**
 * What several {@code fld} commands share when they write: output folders that are never an
 * input and never silently overwritten, aligned text tables, and the JSON form of skipped inputs.
 */
package org.fld4j.cli.output;
