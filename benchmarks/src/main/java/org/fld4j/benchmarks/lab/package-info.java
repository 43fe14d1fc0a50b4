/**
 * Benchmarks of the Gaussian lab: per-sample throughput of sampling, the true log-density and model
 * scoring ({@link org.fld4j.benchmarks.lab.GaussianLabBenchmark}), and a plain program that times one grid
 * cell end to end by phase ({@link org.fld4j.benchmarks.lab.GridCellTiming}).
 */
package org.fld4j.benchmarks.lab;
