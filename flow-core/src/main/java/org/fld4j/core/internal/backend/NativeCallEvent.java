package org.fld4j.core.internal.backend;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JDK Flight Recorder event around each convolution and conditioner matrix product that fld4j hands to ND4J's
 * natives, timed on the calling thread (the natives' own threads work inside it). Off unless a recording enables
 * {@value #NAME}; then the sum of the events' durations is how long a pass spent in those calls, counted exactly
 * rather than sampled (a sampling profiler on a virtual machine can see only some threads). Disabled, an event
 * costs one field check.
 *
 * <pre>{@code
 * java -XX:StartFlightRecording:filename=run.jfr,+org.fld4j.NativeCall#enabled=true ...
 * jfr print --events org.fld4j.NativeCall run.jfr
 * }</pre>
 */
@Name(NativeCallEvent.NAME)
@Label("fld4j native call")
@Category("fld4j")
@Description("A convolution or conditioner matrix product run by ND4J's natives, timed on the calling thread")
@Enabled(false)
@StackTrace(false)
public final class NativeCallEvent extends Event {

    /** The event's name in a recording. */
    public static final String NAME = "org.fld4j.NativeCall";

    /** {@code conv2d} and {@code conv2d_bp}: libnd4j's convolution ops; {@code gemm}: matrix products. */
    @Label("Operation")
    private String operation;

    /** The convolution's kernel size, 1 or 3; 0 for a dense conditioner's matrix product. */
    @Label("Kernel")
    private int kernel;

    /** Whether the call is part of a backward pass (gradients). */
    @Label("Backward")
    private boolean backward;

    private NativeCallEvent() {
    }

    /** An event whose clock starts now. */
    public static NativeCallEvent start() {
        NativeCallEvent event = new NativeCallEvent();
        event.begin();
        return event;
    }

    /** Ends the event and records it when a recording asks for it. */
    public void end(String operation, int kernel, boolean backward) {
        end();
        if (shouldCommit()) {
            this.operation = operation;
            this.kernel = kernel;
            this.backward = backward;
            commit();
        }
    }
}
