package io.statewise.algorithms.pca;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.tuning.Sweep;
import io.statewise.algorithms.tuning.SweepValues;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import io.statewise.algorithms.tuning.TuneRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep of {@code num_components}: one finalize with the most components asked for gives every smaller model's
 * explained variance (components come in decreasing variance, and a model of {@code k} components keeps the first
 * {@code k}), so the table costs one eigendecomposition of the state; the chosen model is then finalized with its
 * own {@code k}. Choice {@code target_ratio} (the only one): the fewest components whose cumulative explained
 * variance ratio reaches {@code target} (default {@value #DEFAULT_TARGET}), else the most in the range. Reads no data.
 *
 * <p>In {@code sketch} mode the ratios are lower bounds, in {@code randomized} mode estimates (see {@link Pca}).
 */
final class PcaSweep implements Sweep {

    /** The share of the variance a choice must explain when the request names no target. */
    static final double DEFAULT_TARGET = 0.9;

    private final Pca pca;
    private final PcaState state;
    private final List<HyperParameters> candidates;
    private final int[] ks;
    private final double target;

    PcaSweep(Pca pca, PcaState state, TuneRequest request) {
        this.pca = pca;
        this.state = state;
        this.candidates = SweepValues.parse(pca.hyperParameters(), List.of("num_components"), request);
        SweepValues.select(request, List.of("target_ratio"));
        this.target = request.target().orElse(DEFAULT_TARGET);
        if (!(target > 0 && target <= 1)) {
            throw new TuneRequestException("target", "the explained variance ratio to reach must be in (0, 1], got "
                    + target);
        }
        ks = new int[candidates.size()];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = candidates.get(i).getInt("num_components");
            if (ks[i] > state.capacity()) {
                throw new TuneRequestException("values", "num_components = " + ks[i] + " exceeds what the "
                        + state.mode().parameterValue() + "-mode state holds (" + state.capacity() + ")");
            }
        }
    }

    @Override
    public boolean readsData() {
        return false;
    }

    @Override
    public void add(Batch batch) {
        // Explained variance comes from the state alone.
    }

    @Override
    public TuneResult result() {
        int most = 0;
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] > ks[most]) most = i;
        }
        PcaModel widest = pca.finalize(state, candidates.get(most));
        double[] variance = widest.explainedVariance();
        double[] ratio = widest.explainedVarianceRatio();
        List<TuneRow> rows = new ArrayList<>(ks.length);
        int chosen = -1;
        for (int i = 0; i < ks.length; i++) {
            double cumulative = 0;
            for (int c = 0; c < ks[i]; c++) cumulative += ratio[c];
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("explained_variance_ratio", cumulative);
            scores.put("last_component_variance", variance[ks[i] - 1]);
            rows.add(new TuneRow(Integer.toString(ks[i]), scores));
            boolean reaches = cumulative >= target;
            if (reaches && (chosen < 0 || ks[i] < ks[chosen])) chosen = i;
        }
        String how = "fewest components with explained_variance_ratio >= " + target;
        if (chosen < 0) {
            chosen = most;
            how = "most components: none reaches explained_variance_ratio " + target;
        }
        PcaModel model = chosen == most ? widest : pca.finalize(state, candidates.get(chosen));
        return new TuneResult("num_components", rows, chosen, how, model, rows.get(chosen).scores());
    }
}
