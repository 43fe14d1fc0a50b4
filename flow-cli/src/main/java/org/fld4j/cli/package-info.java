/**
 * The {@code fld} command line: {@link org.fld4j.cli.Main} and the demo; each command lives in the
 * package of its concern (fld, report, experiment, distort, preflight, verify) over the shared
 * {@code common} and {@code output} packages. Results on stdout, progress and messages on stderr.
 */
package org.fld4j.cli;
