/**
 * Unit conversions shared by the flows, the metrics and the tools around them: {@link
 * org.fld4j.core.units.BitsPerDim}, log-likelihoods in nats to bits per dimension.
 */
package org.fld4j.core.units;
