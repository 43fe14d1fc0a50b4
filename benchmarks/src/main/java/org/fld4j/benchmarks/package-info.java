/**
 * JMH benchmarks of fld4j's flows, run through {@code benchmarks/side-by-side.sh}, which also runs
 * the PyTorch reference and prints the ratios, and {@link org.fld4j.benchmarks.TimeSplit}, which
 * {@code benchmarks/time-split.sh} runs beside the reference's own split: how much of a pass the
 * convolutions and matrix products take.
 */
package org.fld4j.benchmarks;
