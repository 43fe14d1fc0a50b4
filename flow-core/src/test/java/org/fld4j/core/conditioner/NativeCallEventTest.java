package org.fld4j.core.conditioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.fld4j.core.internal.backend.NativeCallEvent;
import org.fld4j.core.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A recording that enables {@value NativeCallEvent#NAME} gets one event for each native call of a convolution:
 * one {@code conv2d} for a forward pass and one {@code conv2d_bp} for each part of a split backward pass, or one
 * matrix product each way in the matrix-product form; a recording that does not enable it gets none.
 */
class NativeCallEventTest {

    @TempDir
    Path dir;

    /** "operation kernel backward" of each fld4j event recorded while {@code run} ran, in order. */
    private List<String> record(boolean enable, Runnable run) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording()) {
            if (enable) {
                recording.enable(NativeCallEvent.NAME).withThreshold(Duration.ZERO);
            }
            recording.start();
            run.run();
            recording.stop();
            recording.dump(file);
        }
        List<String> events = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(NativeCallEvent.NAME)) {
                events.add(e.getString("operation") + " " + e.getInt("kernel") + " " + e.getBoolean("backward"));
            }
        }
        Files.delete(file);
        return events;
    }

    private static Runnable forwardAndBackward(boolean nativeOp, Geometry g) {
        INDArray weight = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 3);
        INDArray bias = Nd4j.rand(DataType.FLOAT, 2);
        Conv2d conv = new Conv2d(3, 2, 3, new Scratch(DataType.FLOAT), nativeOp);
        conv.bind(List.of(weight, bias), List.of(Nd4j.zeros(DataType.FLOAT, 2, 3, 3, 3), Nd4j.zeros(DataType.FLOAT, 2)), 0);
        INDArray input = Nd4j.rand(DataType.FLOAT, 3, g.pixels());
        INDArray gradOutput = Nd4j.rand(DataType.FLOAT, 2, g.pixels());
        return () -> {
            conv.forward(input, g, Nd4j.create(DataType.FLOAT, 2, g.pixels()));
            conv.backward(input, gradOutput, g, Nd4j.create(DataType.FLOAT, 3, g.pixels()));
        };
    }

    @Test
    void eachNativeCallIsOneEvent() throws Exception {
        Geometry g = new Geometry(3, 8, 8);
        if (Conv2d.ONEDNN) {
            assertThat(record(true, forwardAndBackward(true, g))).containsExactly("conv2d 3 false", "conv2d_bp 3 true");
        }
        assertThat(record(true, forwardAndBackward(false, g))).containsExactly("gemm 3 false", "gemm 3 true");
    }

    @Test
    void aSplitBackwardPassIsOneEventAPart() throws Exception {
        Geometry g = new Geometry(51, 32, 32); // 52,224 pixels: two parts of at most 50,176
        assertThat(Conv2d.BACKWARD_PIXELS_PER_CALL).isEqualTo(50_176);
        if (Conv2d.ONEDNN) {
            assertThat(record(true, forwardAndBackward(true, g)))
                    .containsExactly("conv2d 3 false", "conv2d_bp 3 true", "conv2d_bp 3 true");
        }
        assertThat(record(true, forwardAndBackward(false, g))).containsExactly("gemm 3 false", "gemm 3 true");
    }

    @Test
    void aRecordingThatDoesNotEnableTheEventGetsNone() throws Exception {
        assertThat(record(false, forwardAndBackward(true, new Geometry(2, 5, 5)))).isEmpty();
    }
}
