/**
 * Maximum-likelihood training: {@link org.fld4j.core.train.TrainerOptions} (validated
 * hyper-parameters), the {@link org.fld4j.core.train.Trainer} that returns a new immutable flow with
 * its {@link org.fld4j.core.train.TrainingHistory}, and the single
 * {@link org.fld4j.core.train.TrainingStep} it repeats.
 */
package org.fld4j.core.train;
