package org.fld4j.cli.fld;

import org.fld4j.cli.common.CliException;
import org.fld4j.cli.common.ExitCode;
import org.fld4j.cli.common.Progress;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.ImageBatch;
import org.fld4j.io.stream.ImageBatchStream;
import org.fld4j.metrics.fld.Fld;
import org.fld4j.metrics.fld.FldAccumulator;
import org.fld4j.metrics.fld.FldScore;

/**
 * Scores generated images against a reference batch by batch, with a progress bar on stderr. The result equals
 * {@link Fld#score}: the accumulator draws image {@code i}'s noise the same way whatever the batching.
 */
final class FldScoring {

    private FldScoring() {
    }

    /** FLD of {@code generated} (already checked to have the reference's image shape). */
    static FldScore score(Fld fld, ImageSource generated, String spec) {
        FldAccumulator accumulator = fld.accumulator();
        try (ImageBatchStream stream = new ImageBatchStream(generated, fld.reference().scoringBatches());
             Progress bar = Progress.count("scoring " + spec, generated.size(), "images")) {
            while (stream.hasNext()) {
                ImageBatch images = stream.next();
                accumulator.add(images);
                bar.step(images.size());
            }
        }
        if (accumulator.count() == 0) {
            throw new CliException(ExitCode.TOO_FEW_IMAGES, spec + " holds no usable images");
        }
        return accumulator.result();
    }
}
