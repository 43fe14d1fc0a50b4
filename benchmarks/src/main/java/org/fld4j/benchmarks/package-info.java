/**
 * JMH benchmarks of fld4j's flows, run through {@code benchmarks/side-by-side.sh}, which also runs
 * the PyTorch reference and prints the ratios.
 */
package org.fld4j.benchmarks;
