package io.statewise.algorithms.nn;

/**
 * A seeded source of standard normal and uniform numbers whose whole state is one {@code long} (a SplitMix64
 * sequence: Steele, Lea and Flood, OOPSLA 2014), so that a training state can carry it through its codec and a decoded
 * state draws the same noise. Normals come from the Box-Muller transform, two per pair of uniforms; no spare value is
 * cached between calls, so the state alone determines what follows. Not thread-safe; not for cryptography.
 */
public final class GaussianSampler {

    private long state;

    /** A sampler continuing from {@code state} (any value is valid). */
    public GaussianSampler(long state) {
        this.state = state;
    }

    /** The current state: a sampler built from it continues this one's sequence. */
    public long state() {
        return state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** One standard normal value (Box-Muller, the second value of the pair discarded so no spare is cached). */
    public double nextGaussian() {
        double u = 1 - nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * nextDouble());
    }

    /** Fills {@code out[0..count)} with independent standard normal values. */
    public void fill(float[] out, int count) {
        for (int i = 0; i < count; i += 2) {
            double u = 1 - nextDouble(); // in (0, 1], so the log is finite
            double r = Math.sqrt(-2 * Math.log(u));
            double angle = 2 * Math.PI * nextDouble();
            out[i] = (float) (r * Math.cos(angle));
            if (i + 1 < count) out[i + 1] = (float) (r * Math.sin(angle));
        }
    }
}
