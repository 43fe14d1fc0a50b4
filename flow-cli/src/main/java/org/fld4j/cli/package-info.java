/**
 * The {@code fld} command line: results on stdout, progress and messages on stderr.
 */
package org.fld4j.cli;
