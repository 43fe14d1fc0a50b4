package org.fld4j.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeBackendTest {

    /** The build's backend (flow-backend-cpu) brings the oneDNN natives, and fld4j sees that they loaded. */
    @Test
    void theTestsRunOnTheOneDnnBuild() {
        assertThat(Nd4j.getBackend().buildInfo()).contains("HAVE_ONEDNN");
        assertThat(NativeBackend.oneDnnLoaded()).isTrue();
    }
}
