/**
 * The FLD commands of {@code fld}: {@code train}, {@code score}, {@code efficiency} and {@code info}, and how a
 * command gets its reference flow (a saved file, or real images trained on once and cached).
 */
package org.fld4j.cli.fld;
