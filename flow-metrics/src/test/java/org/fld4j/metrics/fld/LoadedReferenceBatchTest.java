package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loaded reference scores at any evaluation batch size: the loaded flow is kept (nothing is trained), and the
 * per-image log-likelihoods and FLD are those of one image a pass up to float rounding.
 */
class LoadedReferenceBatchTest {

    @TempDir
    Path dir;

    /** Seven 4x4 gray images of fixed values 0..255. */
    private static INDArray generated() {
        float[] values = new float[7 * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 53 + 11) % 256;
        }
        return Nd4j.createFromArray(values).reshape(7, 1, 4, 4);
    }

    @Test
    void theBatchSizeOfALoadedReferenceChangesNoResult() throws IOException {
        Path file = dir.resolve("golden.fld");
        ReferenceFiles.save(GoldenReferenceFileTest.reference(), file);
        Fld loaded = Fld.load(file);
        FldScore whole = loaded.evaluationBatchSize(64).score(FldInputs.of(generated()));
        Fld onePerPass = loaded.evaluationBatchSize(1);
        assertThat(onePerPass.options().evaluationBatchSize()).isEqualTo(1);
        assertThat(onePerPass.reference().flow()).isSameAs(loaded.reference().flow());
        FldScore single = onePerPass.score(FldInputs.of(generated()));
        for (int i = 0; i < 7; i++) {
            double a = whole.perImage().get(i).logLikelihood();
            assertThat(single.perImage().get(i).logLikelihood()).isCloseTo(a, within(1e-5 * Math.abs(a)));
        }
        assertThat(single.value()).isCloseTo(whole.value(), within(1e-6));
    }
}
