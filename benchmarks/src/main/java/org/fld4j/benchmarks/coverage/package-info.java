/**
 * How often FLD's and D-FLD's intervals cover the truth on Fashion-MNIST (Debian's
 * {@code dataset-fashion-mnist}): {@link org.fld4j.benchmarks.coverage.CoveragePool} trains many reference
 * flows and caches their per-image log-likelihoods on shared evaluation sets, and
 * {@link org.fld4j.benchmarks.coverage.CoverageTable} draws thousands of real-vs-real and distorted scores from
 * those caches and counts how often each interval covers. docs/user-guide.md quotes the tables.
 */
package org.fld4j.benchmarks.coverage;
