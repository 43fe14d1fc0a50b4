package org.fld4j.cli.distort;

import java.util.List;
import java.util.Locale;
import org.fld4j.cli.output.TextTable;
import org.fld4j.io.SkippedImage;

/** The human form of what {@code fld distort} wrote. */
public final class DistortText {

    private DistortText() {
    }

    public static String format(DistortResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s, %s distorted with seed %d into %s:%n", r.spec(), r.kind().shortName(),
                r.seed(), r.out()));
        TextTable table = new TextTable(List.of("folder", "level", "distortion", "images"), false, true, false, true);
        for (WrittenLevel level : r.levels()) {
            table.row(level.folder() + "/", LevelFolder.text(level.level()), level.description(),
                    Integer.toString(level.written()));
        }
        out.append(table.format("  "));
        out.append(String.format(Locale.ROOT, "%d PNG file(s) written from %d listed input(s)%s%n", r.written(),
                r.listed(), r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " skipped (--on-error skip):"));
        for (SkippedImage s : r.skipped()) {
            out.append("  ").append(s.problem()).append(": ").append(s.message().replace('\n', ' ')).append('\n');
        }
        return out.toString();
    }
}
