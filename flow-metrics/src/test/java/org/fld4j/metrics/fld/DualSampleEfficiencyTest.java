package org.fld4j.metrics.fld;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fld4j.core.image.ImagePreset;
import org.fld4j.io.ImageSource;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;

/** D-FLD over subsets on the slice, with tiny {@code small} flows (one epoch): the experiment's bookkeeping. */
class DualSampleEfficiencyTest {

    @Test
    void scoresEverySubsetAndTheWholeSet() {
        FldOptions options = FldOptions.forPreset(ImagePreset.SMALL).withMaxEpochs(1).withBatchSize(32)
                .withTimeBudget(Duration.ofMinutes(2)).withSeed(2);
        DualFld dual = DualFld.of(ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(0, 300)))
                .options(options);
        ImageSource generated = ImageSources.subset(FashionMnistSlice.train(), DualFldTest.range(300, 500));
        SampleEfficiencyResult result = DualSampleEfficiency.of(dual)
                .options(SampleEfficiencyOptions.defaults().withSizes(40, 80, 400).withRepeats(2).withSeed(3))
                .run(generated);
        assertThat(result.points()).extracting(SampleEfficiencyPoint::size).containsExactly(40, 80);
        for (SampleEfficiencyPoint p : result.points()) {
            assertThat(p.repeats()).isEqualTo(2);
            assertThat(p.q05()).isGreaterThanOrEqualTo(0);
            assertThat(p.mean()).isBetween(p.q05(), p.q95());
        }
        assertThat(result.notes()).anyMatch(n -> n.contains("size 400 left out"));
        // Flows of 32 and 64 images are far below what the small preset needs: the scores said so.
        assertThat(result.notes()).anyMatch(n -> n.contains("trained on 32 images"));
        assertThat(result.generatedCount()).isEqualTo(200);
        assertThat(result.fullFld()).isEqualTo(dual.score(generated).value());
    }
}
