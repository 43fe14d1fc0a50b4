package org.fld4j.cli.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.output.TextTable;
import org.fld4j.metrics.fld.ImageScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output helpers of the FLD commands, on values written out by hand. */
class ResultFormattingTest {

    @TempDir
    Path dir;

    @Test
    void perImageCsvQuotesNamesThatNeedItAndKeepsEveryDigit() {
        String csv = PerImageCsv.format(List.of(new ImageScore(0, "a.png", -1234.5678901234567, 2.5),
                new ImageScore(1, "b,c \"x\".png", -0.1, 1e-3)));
        assertThat(csv).isEqualTo("""
                index,name,log_likelihood,bits_per_dim
                0,a.png,-1234.5678901234567,2.5
                1,"b,c ""x"".png",-0.1,0.001
                """);
    }

    @Test
    void textTableAlignsTheValues() {
        String table = TextTable.labelled().row("FLD", "0.1").row("bpd generated", "3.2").format();
        assertThat(table).isEqualTo("FLD            0.1\nbpd generated  3.2\n");
    }

    @Test
    void outputFilesAreWrittenWholeAndNeverOverAnInput() throws IOException {
        Path input = Files.createDirectories(dir.resolve("images"));
        Path target = dir.resolve("sub").resolve("out.csv");
        OutputFiles.writeAtomically(target, "one\n");
        OutputFiles.writeAtomically(target, "two\n");
        assertThat(Files.readString(target)).isEqualTo("two\n");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.toList()).containsExactly(target);
        }
        assertThatThrownBy(() -> OutputFiles.checkTarget(input.resolve("x.csv"), "--per-image", true,
                List.of(input.toString()))).isInstanceOf(CliException.class)
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> OutputFiles.checkTarget(target, "--per-image", false, List.of(input.toString())))
                .hasMessageContaining("--force");
        Path npz = Files.writeString(dir.resolve("data.npz"), "");
        assertThatThrownBy(() -> OutputFiles.checkTarget(npz, "--out", true, List.of(npz + ":images")))
                .hasMessageContaining("is the input");
        OutputFiles.checkTarget(target, "--per-image", true, List.of(input.toString()));
    }
}
