package org.fld4j.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fld4j.io.preprocess.ResizeFilter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FilterConverterTest {

    private final InputOptions.FilterConverter converter = new InputOptions.FilterConverter();

    @Test
    void takesFld4jNamesAndPillowNamesForTheSameFilters() {
        assertThat(converter.convert("triangle")).isEqualTo(ResizeFilter.TRIANGLE);
        assertThat(converter.convert("bilinear")).isEqualTo(ResizeFilter.TRIANGLE);
        assertThat(converter.convert("lanczos3")).isEqualTo(ResizeFilter.LANCZOS3);
        assertThat(converter.convert("LANCZOS")).isEqualTo(ResizeFilter.LANCZOS3);
        assertThat(converter.convert("box")).isEqualTo(ResizeFilter.BOX);
        assertThat(converter.convert("bicubic")).isEqualTo(ResizeFilter.BICUBIC);
    }

    @Test
    void aFilterFld4jDoesNotHaveIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> converter.convert("hamming")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'hamming'").hasMessageContaining("lanczos3");
    }
}
