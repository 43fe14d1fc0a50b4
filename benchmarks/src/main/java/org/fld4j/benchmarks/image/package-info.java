/** Benchmarks of the convolutional parts of image flows ({@link org.fld4j.benchmarks.image.GatedConvNetBenchmark}). */
package org.fld4j.benchmarks.image;
