/**
 * {@code fld verify}: a self-check of the installation on built-in data, each measured value compared with a range
 * that is known in closed form or documented in docs/user-guide.md.
 */
package org.fld4j.cli.verify;
