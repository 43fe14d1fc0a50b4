package org.fld4j.io.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

/**
 * fld4j's {@link Resampler} against Pillow's {@code Image.resize} outputs saved by
 * {@code src/test/python/make_resize_fixtures.py}: noise and a smooth scene, gray and RGB, 64x64 shrunk, enlarged,
 * resized to odd and mixed sizes and along one axis only, with every filter. Every sample must be equal.
 */
class ResamplerPillowTest {

    @Test
    void fixturesWereMadeWithThePillowVersionThatTheFiltersName() {
        Map<String, List<String>> manifest = PillowResizeFixtures.manifest();
        assertThat(ResizeFilter.PILLOW_MATCH).startsWith("Pillow " + manifest.get("pillow").get(0) + " ");
        assertThat(manifest.get("filters").get(0).split(" ")).containsExactlyInAnyOrder(
                Arrays.stream(ResizeFilter.values()).map(ResizeFilter::pillowName).toArray(String[]::new));
    }

    @Test
    void everySampleEqualsPillowForEveryImageFilterAndSize() {
        Map<String, List<String>> manifest = PillowResizeFixtures.manifest();
        String[] sizes = manifest.get("sizes").get(0).split(" ");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (String file : manifest.get("file")) {
            Map<String, UInt8Image> images = PillowResizeFixtures.images(file);
            UInt8Image input = images.get("input");
            for (ResizeFilter filter : ResizeFilter.values()) {
                Resampler resampler = new Resampler(filter);
                for (String size : sizes) {
                    String key = filter.pillowName() + "_" + size;
                    UInt8Image expected = images.get(key);
                    assertThat(expected).as(file + " has " + key).isNotNull();
                    UInt8Image actual = resampler.resize(input, expected.height(), expected.width());
                    assertThat(actual.shapeText()).isEqualTo(expected.shapeText());
                    int differing = 0;
                    int maxDiff = 0;
                    for (int i = 0; i < expected.sampleCount(); i++) {
                        int d = Math.abs(actual.sample(i) - expected.sample(i));
                        differing += d == 0 ? 0 : 1;
                        maxDiff = Math.max(maxDiff, d);
                    }
                    compared++;
                    if (differing > 0) {
                        mismatches.add(file + " " + key + ": " + differing + " of " + expected.sampleCount()
                                + " samples differ, by up to " + maxDiff);
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(manifest.get("file").size() * ResizeFilter.values().length * sizes.length);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theDescriptionNamesBothFilterNamesAndThePillowVersion() {
        assertThat(ResizeFilter.TRIANGLE.describe()).isEqualTo("triangle: Pillow BILINEAR, " + ResizeFilter.PILLOW_MATCH);
        assertThat(ResizeFilter.byPillowName("lanczos")).contains(ResizeFilter.LANCZOS3);
        assertThat(ResizeFilter.byPillowName("HAMMING")).isEmpty();
    }
}
