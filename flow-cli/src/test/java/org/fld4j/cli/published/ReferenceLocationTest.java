package org.fld4j.cli.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code --ref} may name: files, pinned https URLs (http only on this machine), built-in names. */
class ReferenceLocationTest {

    private static final String HEX = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void aPinnedHttpsUrlIsFetchedWithoutItsPin() {
        PinnedUrl url = (PinnedUrl) ReferenceLocation.parse("https://example.org/refs/cifar10.fld?v=2#sha256="
                + HEX.toUpperCase(java.util.Locale.ROOT));
        assertThat(url.download()).isEqualTo(URI.create("https://example.org/refs/cifar10.fld?v=2"));
        assertThat(url.sha256()).isEqualTo(HEX);
    }

    @Test
    void anHttpsUrlWithoutAPinIsRefused() {
        assertThatThrownBy(() -> ReferenceLocation.parse("https://example.org/cifar10.fld"))
                .hasMessageContaining("has no pin").hasMessageContaining("#sha256=");
        assertThatThrownBy(() -> ReferenceLocation.parse("https://example.org/cifar10.fld#sha256=abc"))
                .hasMessageContaining("'abc' is not a SHA-256 hash");
    }

    @Test
    void plainHttpIsRefusedExceptOnThisMachine() {
        assertThatThrownBy(() -> ReferenceLocation.parse("http://example.org/a.fld#sha256=" + HEX))
                .hasMessageContaining("plain http is refused");
        assertThat(ReferenceLocation.parse("http://127.0.0.1:8080/a.fld#sha256=" + HEX)).isInstanceOf(PinnedUrl.class);
        assertThat(ReferenceLocation.parse("http://localhost/a.fld#sha256=" + HEX)).isInstanceOf(PinnedUrl.class);
        assertThatThrownBy(() -> ReferenceLocation.parse("ftp://example.org/a.fld#sha256=" + HEX))
                .hasMessageContaining("ftp URLs are not supported");
    }

    @Test
    void builtinNamesAndPaths() {
        assertThat(ReferenceLocation.parse("builtin:cifar10-train")).isEqualTo(new BuiltinName("cifar10-train"));
        assertThatThrownBy(() -> ReferenceLocation.parse("builtin:../etc/passwd"))
                .hasMessageContaining("is not a built-in reference name");
        assertThat(ReferenceLocation.parse("refs/my.fld")).isEqualTo(new LocalReference(Path.of("refs/my.fld")));
    }
}
