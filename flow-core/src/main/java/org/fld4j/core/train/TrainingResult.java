package org.fld4j.core.train;

import org.fld4j.core.Flow;

/**
 * The outcome of {@link Trainer#fit}: the trained, immutable flow and how training went.
 *
 * @param flow    the trained flow (the best weights when validation was used)
 * @param history the training record
 */
public record TrainingResult(Flow flow, TrainingHistory history) {
}
