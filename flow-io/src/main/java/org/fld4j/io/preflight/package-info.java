/**
 * A cheap look at a source before reading it: formats, sizes, channel and bit-depth counts, and the files that
 * would be skipped, from headers only.
 */
package org.fld4j.io.preflight;
