package org.fld4j.metrics.distortion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fld4j.io.UInt8Image;
import org.junit.jupiter.api.Test;

class OcclusionTest {

    @Test
    void blacksOutOneSquareOfTheRequestedAreaFullyInside() {
        int height = 30;
        int width = 40;
        UInt8Image white = TestImages.constant(3, height, width, 255);
        // side = round(sqrt(0.2 * 30 * 40)) = round(15.49) = 15
        int side = 15;

        for (long seed = 0; seed < 20; seed++) {
            UInt8Image occluded = new Occlusion(0.2).apply(white, new SplittableRandom(seed));

            Box box = Box.ofZeros(occluded);
            assertThat(box.count()).isEqualTo(side * side);
            assertThat(box.bottom() - box.top() + 1).isEqualTo(side);
            assertThat(box.right() - box.left() + 1).isEqualTo(side);
            assertThat(box.top()).isBetween(0, height - side);
            assertThat(box.left()).isBetween(0, width - side);
            for (int y = box.top(); y <= box.bottom(); y++) {
                for (int x = box.left(); x <= box.right(); x++) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(occluded.sample(c, y, x)).isZero();
                    }
                }
            }
        }
    }

    @Test
    void everyPlacementIncludingTheCornersCanOccur() {
        UInt8Image white = TestImages.constant(1, 20, 20, 255);
        // side = round(sqrt(0.25 * 400)) = 10: the corner may sit at rows and columns 0..10
        boolean[] tops = new boolean[11];
        boolean[] lefts = new boolean[11];

        for (long seed = 0; seed < 300; seed++) {
            Box box = Box.ofZeros(new Occlusion(0.25).apply(white, new SplittableRandom(seed)));
            tops[box.top()] = true;
            lefts[box.left()] = true;
        }

        // Each of the 11 values is missed by 300 uniform draws with probability (10/11)^300 < 1e-12.
        assertThat(tops).containsOnly(true);
        assertThat(lefts).containsOnly(true);
    }

    @Test
    void largeFractionIsCappedAtTheShorterSide() {
        UInt8Image white = TestImages.constant(1, 30, 40, 255);

        // round(sqrt(1200)) = 35 does not fit in 30 rows: the square is 30 x 30
        assertThat(new Occlusion(1).side(30, 40)).isEqualTo(30);
        assertThat(Box.ofZeros(new Occlusion(1).apply(white, new SplittableRandom(4))).count()).isEqualTo(900);
    }

    @Test
    void fractionZeroIsTheIdentity() {
        UInt8Image image = TestImages.fashion(2);

        assertThat(new Occlusion(0).apply(image, new SplittableRandom(1))).isEqualTo(image);
    }

    /** The bounding box and number of the positions whose first channel is 0. */
    private record Box(int top, int left, int bottom, int right, int count) {
        static Box ofZeros(UInt8Image image) {
            int top = Integer.MAX_VALUE;
            int left = Integer.MAX_VALUE;
            int bottom = -1;
            int right = -1;
            int count = 0;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    if (image.sample(0, y, x) == 0) {
                        count++;
                        top = Math.min(top, y);
                        left = Math.min(left, x);
                        bottom = Math.max(bottom, y);
                        right = Math.max(right, x);
                    }
                }
            }
            return new Box(top, left, bottom, right, count);
        }
    }
}
