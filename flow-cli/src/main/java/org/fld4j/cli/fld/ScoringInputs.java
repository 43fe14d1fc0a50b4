package org.fld4j.cli.fld;

import java.util.ArrayList;
import java.util.List;
import org.fld4j.metrics.fld.ScoreWarning;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.Inputs;
import org.fld4j.io.ImageSource;
import org.fld4j.io.stream.FingerprintResult;

/**
 * What a scoring command works on: its reference and the generated images, read with the same input options as
 * the real ones, checked before anything is trained.
 *
 * @param reference     the reference, with the interval the command asked for
 * @param generated     the generated images, preprocessed
 * @param generatedSpec how the command line named them
 * @param generatedRead the read that fingerprinted them (what it skipped)
 * @param warnings      what the command line itself makes doubtful (arguments that look swapped), already said
 *                      on stderr
 */
record ScoringInputs(ResolvedReference reference, ImageSource generated, String generatedSpec,
                     FingerprintResult generatedRead, List<ScoreWarning> warnings) {

    ScoringInputs {
        warnings = List.copyOf(warnings);
    }


    /**
     * Opens the images, checks the generated ones against the real ones (shape; every image readable under
     * {@code --on-error fail}) so that a mistake shows before a flow is trained, then gets the reference.
     *
     * @param resamples  bootstrap resamples, or null for the reference's own
     * @param confidence interval coverage, or null for the reference's own
     */
    static ScoringInputs prepare(ReferenceOptions options, ImageArguments images, InputOptions inputs,
                                 Integer resamples, Double confidence) {
        ImageSource generated = Inputs.open(images.generated(), inputs);
        ImageSource real = images.real() == null ? null : Inputs.open(images.real(), inputs);
        if (real != null) {
            ImageSets.requireShape(generated, images.generated(), ImageSets.agreedShape(real, images.real()),
                    "the real images " + images.real() + " are");
        }
        FingerprintResult generatedRead = ImageSets.fingerprint(generated, images.generated(), "generated");
        // said before the reference is trained: a swap is cheapest to fix before minutes of training
        List<ScoreWarning> warnings = new ArrayList<>();
        if (real != null) {
            SwappedArguments.check(images.real(), real.size(), images.generated(), generated.size())
                    .ifPresent(warnings::add);
        }
        ResultWarnings.print(warnings);
        ResolvedReference reference = ReferenceResolver.resolve(options, images.real(), real, inputs)
                .withInterval(resamples, confidence);
        if (real == null) {
            ImageSets.requireShape(generated, images.generated(), reference.reference().imageShape(),
                    "the reference flow " + options.ref() + " takes");
        }
        return new ScoringInputs(reference, generated, images.generated(), generatedRead, warnings);
    }
}
