/** JMH benchmarks of image flows (the fld-paper architecture) at Fashion-MNIST and CIFAR sizes. */
package org.fld4j.benchmarks.image;
