package org.fld4j.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeBackendTest {

    @Test
    void selectsOneDnnOnlyWhenTheCallerHasNotChosen() {
        String before = System.getProperty(NativeBackend.EXTENSION_PROPERTY);
        try {
            System.clearProperty(NativeBackend.EXTENSION_PROPERTY);
            // The build's class path carries the oneDNN natives, so an unset property is set...
            assertThat(NativeBackend.preferOneDnn()).isTrue();
            assertThat(System.getProperty(NativeBackend.EXTENSION_PROPERTY)).isEqualTo("-onednn-avx2");
            // ...and a set one, even empty, is left alone.
            System.setProperty(NativeBackend.EXTENSION_PROPERTY, "");
            assertThat(NativeBackend.preferOneDnn()).isFalse();
            assertThat(System.getProperty(NativeBackend.EXTENSION_PROPERTY)).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(NativeBackend.EXTENSION_PROPERTY);
            } else {
                System.setProperty(NativeBackend.EXTENSION_PROPERTY, before);
            }
        }
    }

    @Test
    void theTestsRunOnTheOneDnnBuild() {
        assertThat(Nd4j.getBackend().buildInfo()).contains("HAVE_ONEDNN");
    }
}
