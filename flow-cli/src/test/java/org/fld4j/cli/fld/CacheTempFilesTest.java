package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which files of the cache folder are temporaries, whose they are, and when they are stale. */
class CacheTempFilesTest {

    private static final Instant NOW = Instant.parse("2030-01-02T00:00:00Z");

    @Test
    void partialNamesCarryThisProcesssId() {
        Path partial = CacheTempFiles.partial(Path.of("/c/abc.fld"));
        long pid = ProcessHandle.current().pid();
        assertThat(partial.toString()).isEqualTo("/c/abc.fld." + pid + ".partial");
        assertThat(CacheTempFiles.owner(partial.getFileName().toString())).hasValue(pid);
        assertThat(CacheTempFiles.owner(".abc.fld." + pid + ".partial-77.tmp")).hasValue(pid);
        assertThat(CacheTempFiles.owner(".fld-flow-77.tmp")).isEmpty();
    }

    @Test
    void onlyTemporariesWithADeadOwnerOrOlderThanADayAreStale() throws IOException {
        long dead = ReferenceCacheTest.deadPid();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        long own = ProcessHandle.current().pid();
        assertThat(CacheTempFiles.isStale("k.fld." + dead + ".partial", NOW, NOW)).isTrue();
        assertThat(CacheTempFiles.isStale("k.fld." + alive + ".partial", NOW.minus(Duration.ofDays(9)), NOW)).isFalse();
        assertThat(CacheTempFiles.isStale("k.fld." + own + ".partial", NOW.minus(Duration.ofDays(9)), NOW)).isFalse();
        assertThat(CacheTempFiles.isStale(".fld-flow-1.tmp", NOW.minus(Duration.ofHours(23)), NOW)).isFalse();
        assertThat(CacheTempFiles.isStale(".fld-flow-1.tmp", NOW.minus(Duration.ofHours(25)), NOW)).isTrue();
        // references and anything else are never temporaries, however old
        assertThat(CacheTempFiles.isStale("k.fld", NOW.minus(Duration.ofDays(400)), NOW)).isFalse();
        assertThat(CacheTempFiles.isStale("notes.tmp", NOW.minus(Duration.ofDays(400)), NOW)).isFalse();
    }
}
