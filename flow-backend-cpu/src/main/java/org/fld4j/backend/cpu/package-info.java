/**
 * The CPU backend's one piece of code: {@link org.fld4j.backend.cpu.OneDnnSelection}, which makes ND4J load
 * the oneDNN build of its natives before anything touches ND4J.
 */
package org.fld4j.backend.cpu;
