/** Built-in synthetic data whose density is known exactly, for demos and tests. */
package org.fld4j.core.data;
