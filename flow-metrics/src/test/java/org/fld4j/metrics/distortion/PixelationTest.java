package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class PixelationTest {

    private static final SplittableRandom UNUSED = new SplittableRandom(0);

    @Test
    void blocksOfThreeOnFourByFourIncludePartialEdgeBlocks() {
        int[][] values = {
                {10, 20, 30, 7},
                {40, 50, 60, 8},
                {70, 80, 91, 8},
                {1, 2, 2, 9}};
        // 3x3 block: 451 / 9 = 50.11 -> 50; right column 3x1: 23 / 3 = 7.67 -> 8;
        // bottom row 1x3: 5 / 3 = 1.67 -> 2; corner 1x1: 9.
        int[][] expected = {
                {50, 50, 50, 8},
                {50, 50, 50, 8},
                {50, 50, 50, 8},
                {2, 2, 2, 9}};
        assertPixelates(values, 3, expected);
    }

    @Test
    void blockMeansRoundHalvesUp() {
        int[][] values = {
                {1, 2, 0, 0},
                {1, 2, 0, 1},
                {3, 4, 255, 254},
                {4, 4, 255, 255}};
        // 6/4 = 1.5 -> 2; 1/4 = 0.25 -> 0; 15/4 = 3.75 -> 4; 1019/4 = 254.75 -> 255
        int[][] expected = {
                {2, 2, 0, 0},
                {2, 2, 0, 0},
                {4, 4, 255, 255},
                {4, 4, 255, 255}};
        assertPixelates(values, 2, expected);
    }

    @Test
    void channelsAreAveragedSeparately() {
        // CHW: red 0 10 20 30 (mean 15), green 100 100 100 101 (100.25), blue 255 255 254 254 (254.5)
        byte[] pixels = {0, 10, 20, 30, 100, 100, 100, 101, (byte) 255, (byte) 255, (byte) 254, (byte) 254};
        UInt8Image image = new UInt8Image(3, 2, 2, pixels);

        UInt8Image pixelated = new Pixelation(2).apply(image, UNUSED);

        assertThat(TestImages.samples(pixelated)).containsExactly(15, 15, 15, 15, 100, 100, 100, 100,
                255, 255, 255, 255);
    }

    @Test
    void blockLargerThanTheImageAveragesEverything() {
        UInt8Image image = TestImages.gray(2, 3, (y, x) -> 10 * (3 * y + x));   // 0..50, mean 25

        assertThat(TestImages.samples(new Pixelation(14).apply(image, UNUSED))).containsOnly(25);
    }

    @Test
    void blockSizeOneIsTheIdentity() {
        UInt8Image image = TestImages.fashion(1);

        assertThat(new Pixelation(1).apply(image, UNUSED)).isEqualTo(image);
    }

    private static void assertPixelates(int[][] values, int blockSize, int[][] expected) {
        UInt8Image image = TestImages.gray(values.length, values[0].length, (y, x) -> values[y][x]);

        UInt8Image pixelated = new Pixelation(blockSize).apply(image, UNUSED);

        assertThat(TestImages.samples(pixelated))
                .containsExactly(Arrays.stream(expected).flatMapToInt(Arrays::stream).toArray());
    }
}
