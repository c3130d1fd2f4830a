package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.SeriesBatch;

/**
 * Checks series against a DeepAR configuration before they touch a state, with messages that name the series' origin
 * (file and line) and id: categorical values against {@code cardinality}, dynamic features against
 * {@code num_dynamic_feat} and the target's length, values against the likelihood's support (no negative counts
 * for the negative binomial), and for test series a target longer than {@code prediction_length}.
 */
final class SeriesChecks {

    /** What the series are for: their length rules differ. */
    enum Use {
        /** Training or validation: dynamic features as long as the target, or longer by the horizon. */
        TRAIN,
        /** Test: the last {@code prediction_length} values are scored, so the target must be longer. */
        TEST,
        /** Forecasting past the target: dynamic features must cover the horizon. */
        FORECAST
    }

    private final DeepArShape config;
    private final boolean ignoreCat;
    private final boolean ignoreDynamic;

    SeriesChecks(DeepArShape shape, boolean ignoreCat, boolean ignoreDynamic) {
        this.config = shape;
        this.ignoreCat = ignoreCat;
        this.ignoreDynamic = ignoreDynamic;
    }

    /**
     * Checks every series of {@code batch}.
     *
     * @throws DataException naming the first offending series
     */
    void check(SeriesBatch batch, Use use) {
        for (int i = 0; i < batch.size(); i++) check(batch, i, use);
    }

    private void check(SeriesBatch batch, int i, Use use) {
        int length = batch.length(i);
        int horizon = config.predictionLength();
        if (use == Use.TEST && length <= horizon) {
            fail(batch, i, "target has " + length + " values, not more than prediction_length " + horizon + ": a"
                    + " test series holds its history, then the " + horizon + " values to score");
        }
        checkCats(batch, i);
        checkDynamic(batch, i, use);
        Likelihood likelihood = config.likelihood();
        boolean observed = false;
        for (int t = 0; t < length; t++) {
            float v = batch.value(i, t);
            if (Float.isNaN(v)) continue;
            observed = true;
            if (Float.isInfinite(v)) fail(batch, i, "target[" + t + "] is infinite");
            String rejected = likelihood.reject(v);
            if (rejected != null) fail(batch, i, "target[" + t + "]: " + rejected);
        }
        if (!observed) fail(batch, i, "target has no observed value (all " + length + " missing)");
    }

    private void checkCats(SeriesBatch batch, int i) {
        if (ignoreCat) return;
        int count = batch.catCount(i);
        int expected = config.cardinality().size();
        if (expected == 0 && count > 0) {
            fail(batch, i, "has " + count + " cat values but cardinality is auto (no categorical features): set"
                    + " cardinality to the number of values of each, or cardinality=ignore");
        }
        if (count != expected) {
            fail(batch, i, "has " + count + " cat values, cardinality " + config.cardinality() + " expects "
                    + expected);
        }
        for (int j = 0; j < count; j++) {
            int c = batch.cat(i, j);
            if (c < 0 || c >= config.cardinality().get(j)) {
                fail(batch, i, "cat[" + j + "] = " + c + " is beyond cardinality " + config.cardinality().get(j)
                        + " (values 0 to " + (config.cardinality().get(j) - 1) + ")");
            }
        }
    }

    private void checkDynamic(SeriesBatch batch, int i, Use use) {
        if (ignoreDynamic) return;
        int count = batch.dynamicFeatureCount(i);
        int expected = config.numDynamicFeat();
        if (expected == 0 && count > 0) {
            fail(batch, i, "has " + count + " dynamic_feat arrays but num_dynamic_feat is auto (none): set"
                    + " num_dynamic_feat=" + count + ", or num_dynamic_feat=ignore");
        }
        if (count != expected) fail(batch, i, "has " + count + " dynamic_feat arrays, num_dynamic_feat is " + expected);
        if (count == 0) return;
        int length = batch.length(i);
        int dynamic = batch.dynamicLength(i);
        int horizon = config.predictionLength();
        boolean ok = use == Use.FORECAST ? dynamic == length + horizon
                : dynamic == length || dynamic == length + horizon;
        if (!ok) {
            fail(batch, i, "dynamic_feat has length " + dynamic + "; the target has " + length + " values, so it must"
                    + " be " + (use == Use.FORECAST ? "" : length + " or ") + (length + horizon)
                    + " (target + prediction_length)");
        }
    }

    private static void fail(SeriesBatch batch, int i, String what) {
        throw new DataException(batch.origin(i) + ": series '" + batch.id(i) + "' " + what);
    }
}
