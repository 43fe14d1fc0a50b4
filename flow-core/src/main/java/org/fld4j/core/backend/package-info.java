/**
 * How many native threads ND4J uses ({@link org.fld4j.core.backend.NativeThreads}): the one process-wide native
 * setting that users choose. Which build of the natives loads is chosen by the flow-backend-cpu artifact before ND4J
 * starts.
 */
package org.fld4j.core.backend;
