package org.fld4j.cli.preflight;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.Inputs;
import org.fld4j.io.ImageSource;
import org.fld4j.io.preflight.PreflightScanner;

/**
 * Scans image sets from their headers. Each set is listed as if under {@code --on-error skip}, so that every
 * problem is found and reported rather than the first one ending the scan; a set that cannot be listed at all
 * (missing, empty, not images) still fails, naming it.
 */
public final class PreflightScan {

    private PreflightScan() {
    }

    /** The summaries of {@code specs}, in order, read with {@code options}' preprocessing. */
    public static List<ScannedSet> scan(List<String> specs, InputOptions options) {
        InputOptions listAll = options.skippingBadInput();
        List<ScannedSet> sets = new ArrayList<>(specs.size());
        for (String spec : specs) {
            ImageSource source = Inputs.open(spec, listAll);
            sets.add(new ScannedSet(spec, PreflightScanner.scan(source)));
        }
        return sets;
    }
}
