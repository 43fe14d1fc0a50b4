/**
 * Published FLD references that ship inside this artifact: trained reference flows with their held-out real
 * statistics and reference cards, so that FLD can be scored against a common real set without training anything.
 * {@link org.fld4j.references.BuiltinReference} loads one as an {@link org.fld4j.metrics.fld.Fld}; the {@code fld}
 * command takes them as {@code --ref builtin:NAME}. Each is listed in {@code org/fld4j/references/references.list}.
 */
package org.fld4j.references;
