package org.fld4j.cli.fld;

import java.util.Locale;
import org.fld4j.cli.common.InputOptions;
import org.fld4j.cli.common.Provenance;
import org.fld4j.io.preprocess.Preprocessing;
import org.fld4j.io.preprocess.SizePolicy;
import org.fld4j.io.stream.FingerprintResult;
import org.fld4j.metrics.fld.FldReference;

/** The provenance every FLD result carries: the reference's preset, seed, counts, fingerprints and options. */
final class ResultProvenance {

    private ResultProvenance() {
    }

    /** What a reference alone tells: preset, seed, real counts, the real fingerprint, its options. */
    static Provenance.Builder of(FldReference r) {
        Provenance.Builder b = Provenance.builder().preset(r.options().preset().id()).seed(r.options().seed())
                .count("real", r.realImages()).count("realTraining", r.trainingImages())
                .count("realHeldOut", r.heldOutNames().size());
        if (!r.realFingerprint().isEmpty()) {
            b.fingerprint("real", r.realFingerprint());
        }
        ReferenceJson.options(r.options()).forEach(b::option);
        return b;
    }

    /**
     * {@link #of(FldReference)} and how images were read: the preprocessing, the bad-input policy and, when images
     * are resized, which Pillow resize this run's resampler reproduces (e.g.
     * {@code "lanczos3: Pillow LANCZOS, Pillow 9.4.0 (Image.resize, 8-bit)"}).
     */
    static Provenance.Builder of(FldReference r, InputOptions inputs) {
        Preprocessing p = inputs.preprocessing();
        Provenance.Builder b = of(r).option("preprocessing", ReferenceJson.preprocessing(p))
                .option("onError", inputs.policy().name().toLowerCase(Locale.ROOT));
        if (p.sizePolicy() == SizePolicy.RESIZE) {
            b.option("resize", p.filter().describe());
        }
        return b;
    }

    /**
     * {@link #of(FldReference, InputOptions)}, the real images' skipped count when they were read, and the reference
     * file when one was loaded.
     */
    static Provenance.Builder of(ResolvedReference r, InputOptions inputs) {
        Provenance.Builder b = of(r.reference(), inputs);
        if (r.realRead() != null) {
            b.count("realSkipped", r.realRead().report().skipped().size());
        }
        if (r.origin() == ResolvedReference.Origin.LOADED) {
            b.option("reference", r.file().toString());
        }
        return b;
    }

    /** {@link #of(ResolvedReference, InputOptions)} and the generated images' count, skipped count and fingerprint. */
    static Provenance.Builder of(ResolvedReference r, InputOptions inputs, FingerprintResult generated) {
        return of(r, inputs).count("generated", generated.fingerprint().images())
                .count("generatedSkipped", generated.report().skipped().size())
                .fingerprint("generated", generated.fingerprint().sha256());
    }
}
