/**
 * Reading a source: bounded-memory streams of NCHW batches decoded ahead on a worker thread, and content
 * fingerprints that tie a trained reference to the exact data it was trained on.
 */
package org.fld4j.io.stream;
