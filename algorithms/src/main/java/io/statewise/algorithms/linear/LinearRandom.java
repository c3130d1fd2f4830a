package io.statewise.algorithms.linear;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) with uniform and
 * Box-Muller normal draws: a fully specified generator, so the initial weights are the same on every JVM and replay.
 * Not thread-safe; not for cryptography.
 */
final class LinearRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** The generator of stream {@code stream} of {@code seed}: distinct streams are independent for practical use. */
    LinearRandom(long seed, long stream) {
        this.state = mix(mix(seed ^ 0x4C494E4541524C4CL) + GOLDEN_GAMMA * (stream + 1));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-r, r). */
    double uniform(double r) {
        return r * (2 * nextDouble() - 1);
    }

    /** Standard normal (Box-Muller; the second value of each pair is discarded, which keeps the state one long). */
    double nextGaussian() {
        double u = 1 - nextDouble(); // (0, 1]
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
