package org.fld4j.io.source;

import java.nio.file.Path;

/**
 * One file found in a folder.
 *
 * @param path where it is
 * @param name the name it is known by: its path relative to the folder, with {@code /} as separator
 */
record ListedFile(Path path, String name) {
}
