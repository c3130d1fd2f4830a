package io.statewise.bench;

import java.util.Arrays;

/** Order statistics of repeated measurements. */
final class Stats {

    private Stats() {}

    /** The median; NaN for no value. */
    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The smallest value; NaN for no value. */
    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
