/**
 * Benchmarks and checks of flow-io: decoding throughput of PNG folders and Fashion-MNIST IDX files
 * ({@link org.fld4j.benchmarks.io.ImageDecodeBenchmark}), and a plain program that shows a batch stream's memory
 * stays bounded however many images pass through it ({@link org.fld4j.benchmarks.io.StreamingMemoryCheck}).
 */
package org.fld4j.benchmarks.io;
