/**
 * Not API: the packages under {@code org.fld4j.core.internal} (kernels, file parts, seeded draws, the native
 * build probe) are public only so that flow-core's own packages and fld4j's other modules can reach them. They are
 * left out of the published javadoc and may change in any release without notice; code outside fld4j should not
 * use them. Everything a user or a layer author needs is in the other packages (see docs/architecture.md).
 */
package org.fld4j.core.internal;
