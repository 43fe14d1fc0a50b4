/**
 * FLD and D-FLD: how likely generated images are under a normalizing flow trained on real images,
 * compared with held-out real images, with bootstrap intervals and per-image scores.
 *
 * <p>Start with {@link org.fld4j.metrics.fld.Fld#of(org.fld4j.io.ImageSource)}; definitions are in
 * fld4j's docs/maths.md.
 */
package org.fld4j.metrics.fld;
