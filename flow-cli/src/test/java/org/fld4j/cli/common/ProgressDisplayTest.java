package org.fld4j.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressDisplayTest {

    @TempDir
    Path dir;

    private Path linkTo(String target) throws IOException {
        return Files.createSymbolicLink(dir.resolve("fd2-" + target.replace('/', '_')), Path.of(target));
    }

    @Test
    void aTerminalGetsBarsAFileOrPipeGetsLines() throws IOException {
        assertThat(ProgressDisplay.choose(Map.of(), linkTo("/dev/pts/3"))).isEqualTo(ProgressDisplay.BARS);
        assertThat(ProgressDisplay.choose(Map.of(), linkTo("/dev/tty1"))).isEqualTo(ProgressDisplay.BARS);
        assertThat(ProgressDisplay.choose(Map.of(), linkTo("/work/demo.log"))).isEqualTo(ProgressDisplay.LINES);
        assertThat(ProgressDisplay.choose(Map.of(), linkTo("pipe:[123]"))).isEqualTo(ProgressDisplay.LINES);
        assertThat(ProgressDisplay.choose(Map.of("TERM", "dumb"), linkTo("/dev/pts/4")))
                .isEqualTo(ProgressDisplay.LINES);
    }

    @Test
    void theVariableOverridesTheDetection() throws IOException {
        assertThat(ProgressDisplay.choose(Map.of("FLD_PROGRESS", "lines"), linkTo("/dev/pts/5")))
                .isEqualTo(ProgressDisplay.LINES);
        assertThat(ProgressDisplay.choose(Map.of("FLD_PROGRESS", "Bars"), linkTo("/tmp/x.log")))
                .isEqualTo(ProgressDisplay.BARS);
        assertThatThrownBy(() -> ProgressDisplay.choose(Map.of("FLD_PROGRESS", "fancy"), dir))
                .hasMessageContaining("FLD_PROGRESS").hasMessageContaining("fancy");
    }
}
