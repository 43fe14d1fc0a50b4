package org.fld4j.metrics.gaussian.lab;

/**
 * Derives independent seeds from the lab's seed and a path of keys (dimension, purpose, family, s, t),
 * so that what a cell draws depends on its own coordinates only, not on which other cells run.
 */
final class Seeds {

    private Seeds() {
    }

    static long derive(long seed, long... keys) {
        long h = mix(seed);
        for (long k : keys) {
            h = mix(h + 0x9E3779B97F4A7C15L * (k + 1));
        }
        return h;
    }

    static long derive(long seed, int dimension, LabStream stream, long... keys) {
        long[] path = new long[keys.length + 2];
        path[0] = dimension;
        path[1] = stream.ordinal();
        System.arraycopy(keys, 0, path, 2, keys.length);
        return derive(seed, path);
    }

    /** SplitMix64's finaliser: a bijection that scatters nearby inputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** What a derived seed is for. */
    enum LabStream {
        TEST_BED, TRAINING_SAMPLES, FLOW_WEIGHTS, TRAINER, REFERENCE, CELL
    }
}
