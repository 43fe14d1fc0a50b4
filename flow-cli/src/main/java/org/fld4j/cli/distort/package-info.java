/**
 * {@code fld distort}: seeded distorted copies of an image set, one folder per distortion level, for checking that
 * a metric grows with the damage; the source is never written to.
 */
package org.fld4j.cli.distort;
