/**
 * Images stored as numbers rather than as image files: ND4J and Java arrays, NPY and NPZ files (read and written),
 * IDX files of the MNIST family and CIFAR-10/100 binary batches. The file formats are parsed here directly, so every
 * malformed header, unsupported element type, mismatched shape or truncated file gets a message naming the file.
 */
package org.fld4j.io.array;
