/**
 * The one place that touches process-wide native state: which build of ND4J's CPU natives loads
 * ({@link org.fld4j.core.backend.NativeBackend}) and how many native threads ND4J uses
 * ({@link org.fld4j.core.backend.NativeThreads}).
 */
package org.fld4j.core.backend;
