package org.fld4j.io;

import java.util.Objects;

/**
 * The identity of one image inside its source, kept so that per-image results can say which image they are about.
 *
 * <p>For a file in a folder the {@code name} is the path relative to the folder (always with {@code /} as the
 * separator, so identities compare equal across platforms) and {@code index} is {@link #NO_INDEX}. For an image
 * inside a container (an array, an NPY, IDX or CIFAR file) the name is the container's name followed by the
 * position in brackets, e.g. {@code train-images-idx3-ubyte.gz[17]}, and {@code index} is that position.
 *
 * @param name  human-readable, never blank
 * @param index zero-based position inside the container, or {@link #NO_INDEX} for a stand-alone file
 */
public record ImageId(String name, long index) {

    /** The {@link #index} of an image that is a file of its own. */
    public static final long NO_INDEX = -1;

    /** Validates that the name is present and the index is {@link #NO_INDEX} or non-negative. */
    public ImageId {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank: '" + name + "'");
        }
        if (index < NO_INDEX) {
            throw new IllegalArgumentException("index must be >= 0 or NO_INDEX (-1): " + index);
        }
    }

    /** The identity of a stand-alone file, named by its path relative to the source's root. */
    public static ImageId ofFile(String relativeName) {
        return new ImageId(relativeName, NO_INDEX);
    }

    /** The identity of the image at {@code index} inside the container called {@code containerName}. */
    public static ImageId inContainer(String containerName, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        return new ImageId(containerName + "[" + index + "]", index);
    }

    /** Whether this image sits at a position inside a container rather than being a file of its own. */
    public boolean hasIndex() {
        return index != NO_INDEX;
    }

    @Override
    public String toString() {
        return name;
    }
}
