package org.fld4j.metrics.interop;

/**
 * A PyTorch flow file that fld4j cannot take: a missing, extra or misshapen {@code state_dict} entry, a non-finite
 * weight, or a configuration fld4j does not build. The message names the file and the entry.
 */
public final class TorchFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    TorchFormatException(String message) {
        super(message);
    }

    TorchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
