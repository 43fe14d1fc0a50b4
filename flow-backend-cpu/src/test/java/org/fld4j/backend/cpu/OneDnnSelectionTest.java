package org.fld4j.backend.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * In a JVM whose first touch of ND4J is a plain array (no fld4j class involved, and no property set on
 * the command line: this module's tests run without it), the oneDNN build loads: the selection runs as
 * ND4J lists its backends, before the natives load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneDnnSelectionTest {

    @Test
    @Order(1)
    void theFirstArrayAlreadyRunsOnTheOneDnnBuild() {
        assertThat(System.getProperty(OneDnnSelection.EXTENSION_PROPERTY)).as("set before ND4J loads").isNull();
        assertThat(Nd4j.create(DataType.FLOAT, 2, 2).sumNumber().doubleValue()).isZero();
        assertThat(Nd4j.getBackend().buildInfo()).contains("HAVE_ONEDNN");
        assertThat(Nd4j.getBackend()).isNotInstanceOf(OneDnnSelection.class);
    }

    @Test
    @Order(2)
    void aPropertyTheCallerSetIsLeftAlone() throws ClassNotFoundException {
        // Initialised before the property is cleared: its static initialiser makes the choice once.
        Class.forName(OneDnnSelection.class.getName(), true, OneDnnSelection.class.getClassLoader());
        String before = System.getProperty(OneDnnSelection.EXTENSION_PROPERTY);
        try {
            System.clearProperty(OneDnnSelection.EXTENSION_PROPERTY);
            assertThat(OneDnnSelection.choose()).isTrue();
            assertThat(System.getProperty(OneDnnSelection.EXTENSION_PROPERTY)).isEqualTo("-onednn-avx2");
            System.setProperty(OneDnnSelection.EXTENSION_PROPERTY, "");
            assertThat(OneDnnSelection.choose()).isFalse();
            assertThat(System.getProperty(OneDnnSelection.EXTENSION_PROPERTY)).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(OneDnnSelection.EXTENSION_PROPERTY);
            } else {
                System.setProperty(OneDnnSelection.EXTENSION_PROPERTY, before);
            }
        }
    }
}
