/**
 * Seeded draws of indices that must be the same on every JVM and every run: the Fisher-Yates shuffles and
 * permutations of {@link org.fld4j.core.internal.random.Shuffles} and the train/held-out splits of
 * {@link org.fld4j.core.internal.random.SeededSplit}. Training, the FLD references and the benchmarks all draw
 * through them, so one seed gives one order everywhere. (flow-io does not depend on flow-core and keeps its own
 * {@code java.util.Random} permutation in {@code SubsetSource}.) Internal (see {@link org.fld4j.core.internal}).
 */
package org.fld4j.core.internal.random;
