package org.fld4j.metrics.gaussian.lab;

/**
 * A problem in a lab JSON file, already naming the file and the field; kept apart from the
 * {@link IllegalArgumentException}s of the records' own validation, which the reader still has to locate.
 */
final class LabJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    LabJsonException(String message) {
        super(message);
    }
}
