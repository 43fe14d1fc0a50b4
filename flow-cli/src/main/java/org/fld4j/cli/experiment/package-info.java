/**
 * {@code fld experiment}: the likelihood experiments of the library run from the command line, their results
 * written into a folder from which reports can be rendered later.
 */
package org.fld4j.cli.experiment;
