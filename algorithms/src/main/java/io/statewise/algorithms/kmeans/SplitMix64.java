package io.statewise.algorithms.kmeans;

/**
 * A tiny deterministic random generator (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014) whose whole state is one {@code long}, so a k-means state can carry its generator through the codec
 * and a resumed job replays bit for bit. Not thread-safe; not for cryptography.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator continuing from {@code state} (any value is valid). */
    SplitMix64(long state) {
        this.state = state;
    }

    /** The current state: a generator built from it continues this one's sequence. */
    long state() {
        return state;
    }

    /** The next 64 random bits. */
    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A uniform double in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, bound); {@code bound} at least 1. Bias below 2^-31, irrelevant here. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** SplitMix64's finalizer: a bijective mix of 64 bits, also used to derive seeds from hashes. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
