package org.fld4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputReportMergeTest {

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    @Test
    void partsAddUpToTheWholeRead() {
        ImageWarning kind = ImageWarning.values()[0];
        SkippedImage a = new SkippedImage("a.png", InputProblem.values()[0], "a.png: broken");
        SkippedImage b = new SkippedImage("b.png", InputProblem.values()[0], "b.png: broken");
        InputReport first = new InputReport("gen/", 10, List.of(a), List.of(".hidden (hidden file)"),
                Map.of(kind, 7L), Map.of(kind, names("x", 7)));
        InputReport second = new InputReport("gen/ part 2", 5, List.of(b), List.of(), Map.of(kind, 6L),
                Map.of(kind, names("y", 6)));
        InputReport merged = first.merge(second);
        assertThat(merged.source()).isEqualTo("gen/");
        assertThat(merged.imagesRead()).isEqualTo(15);
        assertThat(merged.skipped()).containsExactly(a, b);
        assertThat(merged.ignored()).containsExactly(".hidden (hidden file)");
        assertThat(merged.warningCount(kind)).isEqualTo(13);
        // 10 examples kept: the first part's 7, then the second's first 3.
        List<String> expected = names("x", 7);
        expected.addAll(names("y", 3));
        assertThat(merged.warningExamples(kind)).containsExactlyElementsOf(expected);
        assertThat(merged.merge(InputReport.empty("none")).format()).isEqualTo(merged.format());
    }

    @Test
    void aReportSurvivesJavaSerialisation() throws Exception {
        ImageWarning kind = ImageWarning.values()[0];
        InputReport report = new InputReport("gen/", 3,
                List.of(new SkippedImage("c.png", InputProblem.values()[0], "c.png: broken")), List.of(),
                Map.of(kind, 1L), Map.of(kind, List.of("d.png")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((InputReport) in.readObject()).format()).isEqualTo(report.format());
        }
    }
}
