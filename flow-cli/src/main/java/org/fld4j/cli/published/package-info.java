/**
 * References published by others and found by name rather than by path: https URLs pinned by the SHA-256 of the
 * file ({@code https://host/x.fld#sha256=<hex>}), downloaded once into the cache and verified before use; and
 * built-in references, {@code builtin:NAME}, shipped as class-path resources. Both end as files in the downloads
 * folder of the reference cache, named by their hash.
 */
package org.fld4j.cli.published;
