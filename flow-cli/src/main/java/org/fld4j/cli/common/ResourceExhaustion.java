package org.fld4j.cli.common;

import java.util.Locale;

/**
 * What to tell a user whose command ran out of memory or stack: which resource ran out, the setting that bounds
 * it with its current value, and how to raise it. Java's own messages ("Java heap space", JavaCPP's "Failed to
 * allocate memory within limits") name neither the setting nor the way to change it for {@code fld}.
 */
public final class ResourceExhaustion {

    /** The environment variable the {@code fld} script passes to {@code java} before {@code -jar}. */
    static final String JAVA_OPTIONS = "FLD_JAVA_OPTS";

    private ResourceExhaustion() {
    }

    /** Whether {@code error} is the JVM running out of a resource rather than a bug. */
    public static boolean isExhaustion(Throwable error) {
        return error instanceof OutOfMemoryError || error instanceof StackOverflowError;
    }

    /** One line: what ran out, the bound in force, what to do. */
    public static String describe(Throwable error) {
        if (error instanceof StackOverflowError) {
            return "fld ran out of thread stack (StackOverflowError): an input is nested far deeper than real data"
                    + " is, or a computation recursed without end; if the input is genuine, give threads more stack"
                    + " with " + JAVA_OPTIONS + "=-Xss64m";
        }
        String text = error.getMessage() == null ? "" : error.getMessage();
        if (isNative(error, text)) {
            return "fld ran out of native memory for ND4J arrays (" + text.strip() + "); JavaCPP's limits are"
                    + " maxbytes " + bytes(nativeLimit(true)) + " and maxphysicalbytes " + bytes(nativeLimit(false))
                    + ": raise them with " + JAVA_OPTIONS + "='-Dorg.bytedeco.javacpp.maxbytes=8G"
                    + " -Dorg.bytedeco.javacpp.maxphysicalbytes=16G' if the machine has the memory, or give fld less"
                    + " to hold at once (fewer or smaller images, a smaller --batch)";
        }
        if (text.contains("Direct buffer memory")) {
            return "fld ran out of direct buffer memory (-XX:MaxDirectMemorySize); raise it with " + JAVA_OPTIONS
                    + "=-XX:MaxDirectMemorySize=4g";
        }
        if (text.contains("Metaspace")) {
            return "fld ran out of class metadata space (Metaspace); raise it with " + JAVA_OPTIONS
                    + "=-XX:MaxMetaspaceSize=1g";
        }
        return "fld ran out of Java heap memory (" + (text.isBlank() ? "OutOfMemoryError" : text.strip())
                + "; the limit, -Xmx, is " + bytes(Runtime.getRuntime().maxMemory()) + "): give Java more with "
                + JAVA_OPTIONS + "=-Xmx8g if the machine has the memory, or give fld less to hold at once (fewer or"
                + " smaller images, a smaller --batch)";
    }

    /** JavaCPP (which holds ND4J's arrays) throws OutOfMemoryError with its limits in the message. */
    private static boolean isNative(Throwable error, String text) {
        if (text.contains("maxBytes") || text.contains("maxPhysicalBytes") || text.contains("physicalBytes")
                || text.contains("Cannot allocate")) {
            return true;
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("org.bytedeco.")) {
                return true;
            }
        }
        return false;
    }

    /** JavaCPP's limit in bytes, -1 when it cannot be read (its class is then not even loaded). */
    private static long nativeLimit(boolean total) {
        try {
            return total ? org.bytedeco.javacpp.Pointer.maxBytes() : org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        } catch (LinkageError | RuntimeException e) {
            return -1;
        }
    }

    /** E.g. {@code 512 MiB}; {@code unknown} for -1, {@code unlimited} for 0 or Long.MAX_VALUE. */
    public static String bytes(long value) {
        if (value < 0) {
            return "unknown";
        }
        if (value == 0 || value == Long.MAX_VALUE) {
            return "unlimited";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? value + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[unit]).replace(".0 ", " ");
    }
}
