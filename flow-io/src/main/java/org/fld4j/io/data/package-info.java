/**
 * Small data sets bundled with fld4j, so that examples, tests and demos run without downloads.
 */
package org.fld4j.io.data;
