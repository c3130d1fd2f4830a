package io.statewise.algorithms.data.synthetic;

import io.statewise.algorithms.data.Series;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded related time series for forecasting tests and examples: series {@code i} is
 * {@code level_i (1 + amplitude sin(2 pi (t + phase_i) / period)) (1 + trend t) + noise}, with levels spread over two
 * orders of magnitude (so scaling matters), phases in {@code [0, period)} and Gaussian noise proportional to the
 * level. With {@code counts}, values are rounded to non-negative integers (for the negative binomial).
 *
 * @param series    how many
 * @param length    values per series
 * @param period    the season, in steps
 * @param amplitude relative seasonal swing, below 1
 * @param trend     relative growth per step
 * @param noise     noise standard deviation relative to the level
 * @param counts    whether values are rounded to counts
 * @param seed      fixes everything
 */
public record SeasonalSeries(int series, int length, int period, double amplitude, double trend, double noise,
                             boolean counts, long seed) {

    /** The series, monthly from 2000-01-01 (ids {@code s0, s1, ...}). */
    public List<Series> generate() {
        Random random = new Random(seed);
        List<Series> out = new ArrayList<>(series);
        LocalDateTime start = LocalDateTime.of(2000, 1, 1, 0, 0);
        for (int i = 0; i < series; i++) {
            double level = Math.pow(10, 1 + 2 * random.nextDouble());
            int phase = random.nextInt(period);
            float[] target = new float[length];
            for (int t = 0; t < length; t++) {
                double season = 1 + amplitude * Math.sin(2 * Math.PI * (t + phase) / period);
                double v = level * season * (1 + trend * t) + noise * level * random.nextGaussian();
                target[t] = (float) (counts ? Math.max(0, Math.rint(v)) : v);
            }
            out.add(new Series("s" + i, start, target));
        }
        return out;
    }
}
