package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fld4j.io.DecodedImage;
import org.fld4j.io.ImageShape;
import org.fld4j.io.ImageSource;
import org.fld4j.io.UInt8Image;
import org.fld4j.io.data.FashionMnistSlice;
import org.fld4j.io.source.ImageSources;
import org.junit.jupiter.api.Test;

class DistortedSourceTest {

    private static final int COUNT = 40;
    private static final Distortion NOISE = new AdditiveNoise(8);

    @Test
    void imageDependsOnlyOnSeedAndIndexNotOnReadOrderOrInstance() {
        DistortedSource first = NOISE.applyTo(FashionMnistSlice.test(), 3);
        DistortedSource second = NOISE.applyTo(FashionMnistSlice.test(), 3);

        UInt8Image[] forwards = new UInt8Image[COUNT];
        for (int i = 0; i < COUNT; i++) {
            forwards[i] = first.read(i).image();
        }
        for (int i = COUNT - 1; i >= 0; i--) {
            assertThat(first.read(i).image()).as("re-read %d", i).isEqualTo(forwards[i]);
            assertThat(second.read(i).image()).as("other instance %d", i).isEqualTo(forwards[i]);
        }
    }

    @Test
    void imagesAreDistortedAndDifferentSeedsDiffer() {
        ImageSource base = FashionMnistSlice.test();
        DistortedSource seedThree = NOISE.applyTo(base, 3);
        DistortedSource seedFour = NOISE.applyTo(base, 4);

        for (int i = 0; i < 5; i++) {
            assertThat(seedThree.read(i).image()).isNotEqualTo(base.read(i).image());
            assertThat(seedThree.read(i).image()).isNotEqualTo(seedFour.read(i).image());
        }
    }

    @Test
    void neighbouringImagesGetDifferentNoise() {
        byte[] grey = TestImages.constant(1, 16, 16, 128).toByteArray();
        DistortedSource source = NOISE.applyTo(
                ImageSources.bytes(new byte[][] {grey, grey}, new ImageShape(1, 16, 16)).build(), 0);

        assertThat(source.read(0).image()).isNotEqualTo(source.read(1).image());
    }

    @Test
    void fourThreadsReadTheSameImagesAsOneThread() throws Exception {
        DistortedSource source = new SaltAndPepper(0.2).applyTo(FashionMnistSlice.test(), 17);
        UInt8Image[] serial = new UInt8Image[COUNT];
        for (int i = 0; i < COUNT; i++) {
            serial[i] = source.read(i).image();
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UInt8Image>> parallel = new ArrayList<>();
            for (int i = COUNT - 1; i >= 0; i--) {
                int index = i;
                parallel.add(pool.submit(() -> source.read(index).image()));
            }
            for (int k = 0; k < COUNT; k++) {
                assertThat(parallel.get(k).get()).isEqualTo(serial[COUNT - 1 - k]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shuffledViewShowsEachImageWithItsOwnDistortion() {
        DistortedSource source = NOISE.applyTo(FashionMnistSlice.test(), 5);
        ImageSource shuffled = ImageSources.shuffled(source, 99);

        for (int k = 0; k < 10; k++) {
            DecodedImage viewed = shuffled.read(k);
            int original = (int) viewed.id().index();
            assertThat(viewed.image()).isEqualTo(source.read(original).image());
        }
    }

    @Test
    void everythingButThePixelsIsTheBaseSources() {
        ImageSource base = FashionMnistSlice.test();
        DistortedSource source = NOISE.applyTo(base, 3);

        assertThat(source.size()).isEqualTo(base.size()).isEqualTo(FashionMnistSlice.TEST_COUNT);
        for (int i : new int[] {0, 1, 250, 499}) {
            assertThat(source.id(i)).isEqualTo(base.id(i));
            assertThat(source.read(i).id()).isEqualTo(base.id(i));
            assertThat(source.label(i)).isEqualTo(base.label(i));
            assertThat(source.header(i)).isEqualTo(base.header(i));
            assertThat(source.file(i)).isEqualTo(base.file(i));
        }
        assertThat(source.label(0)).isPresent();
        assertThat(source.badInputPolicy()).isEqualTo(base.badInputPolicy());
        assertThat(source.listingReport()).usingRecursiveComparison().isEqualTo(base.listingReport());
        assertThat(source.description()).isEqualTo(base.description() + " + additive noise sigma=8 (seed 3)");
        assertThat(source.base()).isSameAs(base);
        assertThat(source.distortion()).isSameAs(NOISE);
        assertThat(source.seed()).isEqualTo(3);
    }

    @Test
    void readingOutsideTheSourceFailsLikeTheBase() {
        DistortedSource source = NOISE.applyTo(FashionMnistSlice.test(), 3);

        assertThatThrownBy(() -> source.read(FashionMnistSlice.TEST_COUNT))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
