/**
 * {@code fld preflight}: what image sets hold, from file headers alone, before anything is trained on them.
 */
package org.fld4j.cli.preflight;
