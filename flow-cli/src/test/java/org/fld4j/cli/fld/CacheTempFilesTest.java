package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which temporaries of the cache folder that name no owning process are stale. */
class CacheTempFilesTest {

    private static final Instant NOW = Instant.parse("2030-01-02T00:00:00Z");

    @Test
    void unownedHiddenTemporariesAreStaleAfterADay() throws IOException {
        assertThat(CacheTempFiles.isStaleUnowned(".fld-flow-1.tmp", NOW.minus(Duration.ofHours(23)), NOW)).isFalse();
        assertThat(CacheTempFiles.isStaleUnowned(".fld-flow-1.tmp", NOW.minus(Duration.ofHours(25)), NOW)).isTrue();
        // a temporary that names its process is judged by that process, never by age
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        assertThat(CacheTempFiles.isStaleUnowned(".k.fld." + alive + ".1f.tmp", NOW.minus(Duration.ofDays(9)), NOW))
                .isFalse();
        // references and anything else are never temporaries, however old
        assertThat(CacheTempFiles.isStaleUnowned("k.fld", NOW.minus(Duration.ofDays(400)), NOW)).isFalse();
        assertThat(CacheTempFiles.isStaleUnowned("notes.tmp", NOW.minus(Duration.ofDays(400)), NOW)).isFalse();
    }
}
