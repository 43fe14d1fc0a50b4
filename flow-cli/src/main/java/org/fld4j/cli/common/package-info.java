/**
 * What every command shares: the process's streams and verbosity ({@link org.fld4j.cli.common.Cli}),
 * exit codes and the errors that carry them, input options and how they open image sources, progress
 * on stderr, JSON results with their provenance, and the parsing of durations and enum options. It
 * depends on no command package.
 */
package org.fld4j.cli.common;
