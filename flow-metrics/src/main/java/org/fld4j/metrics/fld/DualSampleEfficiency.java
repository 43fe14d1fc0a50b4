package org.fld4j.metrics.fld;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.fld4j.core.internal.random.Shuffles;
import org.fld4j.io.ImageSource;
import org.fld4j.io.source.ImageSources;

/**
 * How many generated images D-FLD needs: D-FLD of random subsets of the generated set at several sizes.
 * Unlike FLD, every subset trains its own generated flow ({@link DualFld#score}), so this costs
 * {@code sizes x repeats} trainings; keep the sizes and repeats few, or the generated flow's preset small.
 * The real flow is trained once. Subsets are drawn without replacement, seeded per size as in
 * {@link SampleEfficiency}; {@link SampleEfficiencyOptions#subsampleReal()} does not apply (the real flow's
 * held-out set is fixed).
 */
public final class DualSampleEfficiency {

    private final DualFld dual;
    private final SampleEfficiencyOptions options;

    private DualSampleEfficiency(DualFld dual, SampleEfficiencyOptions options) {
        this.dual = Objects.requireNonNull(dual, "dual");
        this.options = Objects.requireNonNull(options, "options");
    }

    public static DualSampleEfficiency of(DualFld dual) {
        return new DualSampleEfficiency(dual, SampleEfficiencyOptions.defaults());
    }

    public DualSampleEfficiency options(SampleEfficiencyOptions value) {
        return new DualSampleEfficiency(dual, value);
    }

    /**
     * D-FLD over the subsets; {@code fullFld} of the result is the D-FLD of the whole generated set, and
     * its notes hold the sizes left out and every distinct warning the subsets' scores gave.
     */
    public SampleEfficiencyResult run(ImageSource generated) {
        int n = generated.size();
        List<SampleEfficiencyPoint> points = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (int size : options.sizes()) {
            if (size > n) {
                notes.add("size " + size + " left out: only " + n + " generated images");
                continue;
            }
            SplittableRandom random = SampleEfficiency.randomFor(options.seed(), size);
            int[] order = Shuffles.identity(n);
            double[] values = new double[options.repeats()];
            for (int r = 0; r < values.length; r++) {
                int[] subset = Shuffles.sortedDraw(order, size, random);
                DualFldScore score = dual.score(ImageSources.subset(generated, subset));
                values[r] = score.value();
                notes.addAll(score.warnings());
            }
            points.add(SampleEfficiencyPoint.summarize(size, values));
        }
        DualFldScore full = dual.score(generated);
        return new SampleEfficiencyResult(points, full.value(), n, full.realCount(), options,
                List.copyOf(notes));
    }
}
