package org.fld4j.cli.distort;

/**
 * One level's output of {@code fld distort}.
 *
 * @param level       the level
 * @param description the distortion, e.g. {@code additive noise sigma=8}
 * @param folder      the folder's name under the output folder
 * @param written     images written into it
 */
public record WrittenLevel(double level, String description, String folder, int written) {
}
