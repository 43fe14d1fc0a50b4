/**
 * The vocabulary of image input that every other package of flow-io shares, and that depends on none of them: the
 * {@link org.fld4j.io.ImageSource} contract (a numbered, read-only sequence of images), image identities and shapes
 * ({@link org.fld4j.io.ImageId}, {@link org.fld4j.io.ImageShape}, {@link org.fld4j.io.ImageHeader}), decoded 8-bit
 * images ({@link org.fld4j.io.UInt8Image}, {@link org.fld4j.io.DecodedImage}), value ranges, and the
 * {@link org.fld4j.io.BadInputPolicy} with what is reported under it ({@link org.fld4j.io.InputReport},
 * {@link org.fld4j.io.InputProblem}, {@link org.fld4j.io.ImageInputException}). The subpackages build on it:
 * {@code decode}, {@code preprocess} and {@code array} use only this package; {@code source} (where
 * {@link org.fld4j.io.source.ImageSources} builds every kind of source), {@code stream} (batches and fingerprints),
 * {@code preflight} and {@code data} sit above them. Nothing in the input is ever modified.
 */
package org.fld4j.io;
