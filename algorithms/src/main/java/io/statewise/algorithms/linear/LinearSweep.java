package io.statewise.algorithms.linear;

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
 * A sweep of a binary classifier's selection: {@code binary_classifier_model_selection_criteria}, {@code f_beta},
 * {@code target_recall} or {@code target_precision}. Each value selects one of the packed models and tunes its
 * threshold from the score histograms ({@link ModelSelection}, {@link ThresholdTuning}): on validation data when the
 * runtime feeds it (every packed model scored in one pass), else on the histograms of the training pass. Each row
 * shows the model chosen, its setting and loss, its threshold, the criterion's value there, and accuracy, precision
 * and recall at that threshold. The rows answer different questions (criteria are not comparable), so the choice is
 * the value the request selects, by default the first.
 *
 * <p>Mutable, single-threaded.
 */
final class LinearSweep implements Sweep {

    /** The parameters a sweep may name. */
    static final List<String> TUNABLE = List.of("binary_classifier_model_selection_criteria", "f_beta",
            "target_recall", "target_precision");

    private final LinearLearner learner;
    private final LinearState state;
    private final String parameter;
    private final List<HyperParameters> candidates;
    private final List<String> values = new ArrayList<>();
    private final int chosen;
    private final PackedEvaluator evaluator;
    private boolean scored;

    LinearSweep(LinearLearner learner, LinearState state, TuneRequest request) {
        this.candidates = SweepValues.parse(learner.hyperParameters(), TUNABLE, request);
        if (learner.config().predictorType() != PredictorType.BINARY_CLASSIFIER) {
            throw new TuneRequestException("parameter", "'" + request.parameter() + "' applies to binary "
                    + "classifiers; this linear learner is a " + learner.config().predictorType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", which selects its model by loss alone");
        }
        if (state.kind != LinearState.Kind.MODEL) {
            throw new TuneRequestException("parameter", "the state has not trained yet (" + state.kind + ")");
        }
        if (request.target().isPresent()) {
            throw new TuneRequestException("target", "the linear learner's choice is one of the values; set a "
                    + "target through target_recall or target_precision values");
        }
        this.learner = learner;
        this.state = state;
        this.parameter = request.parameter();
        for (HyperParameters hp : candidates) values.add(String.valueOf(hp.asMap().get(parameter)));
        this.chosen = values.indexOf(SweepValues.select(request, values));
        this.evaluator = learner.packedEvaluator(state);
    }

    @Override
    public boolean readsData() {
        return true;
    }

    @Override
    public void add(Batch batch) {
        evaluator.add(batch);
        scored = true;
    }

    @Override
    public TuneResult result() {
        PackedScores scores = scored ? evaluator.result() : state.running();
        String scope = scored ? "validation_" : "train_";
        List<TuneRow> rows = new ArrayList<>(candidates.size());
        List<LinearModel> models = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            HyperParameters hp = candidates.get(i);
            LinearModel model = scored ? learner.finalize(state, hp, scores) : learner.finalize(state, hp);
            LinearConfig cfg = LinearConfig.from(hp);
            int m = model.selectedModel();
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("model", (double) m);
            row.put("learning_rate", model.selectedSetting().learningRate());
            row.put("wd", model.selectedSetting().wd());
            row.put("l1", model.selectedSetting().l1());
            row.put(scope + "loss", model.modelLosses()[m]);
            row.put("threshold", model.threshold());
            row.put(scope + "criterion", ThresholdTuning.tune(scores, m, cfg.selectionCriterion(), cfg.fBeta(),
                    cfg.targetRecall(), cfg.targetPrecision()).value());
            putRates(row, scope, scores, m, model.threshold());
            rows.add(new TuneRow(values.get(i), row));
            models.add(model);
        }
        return new TuneResult(parameter, rows, chosen, "the selected value (" + values.get(chosen) + ")",
                models.get(chosen), rows.get(chosen).scores());
    }

    /** Accuracy, precision and recall of model {@code m} predicting 1 at or above {@code threshold}. */
    private static void putRates(Map<String, Double> row, String scope, PackedScores scores, int m,
                                 double threshold) {
        int bins = scores.bins();
        int edge = (int) Math.round(threshold * bins);
        double tp = 0;
        double fp = 0;
        double positives = 0;
        double negatives = 0;
        for (int b = 0; b < bins; b++) {
            positives += scores.positives(m, b);
            negatives += scores.negatives(m, b);
            if (b >= edge) {
                tp += scores.positives(m, b);
                fp += scores.negatives(m, b);
            }
        }
        row.put(scope + "accuracy", ThresholdTuning.accuracy(tp, fp, positives, negatives));
        row.put(scope + "precision", tp + fp == 0 ? 1 : tp / (tp + fp));
        row.put(scope + "recall", positives == 0 ? 1 : tp / positives);
    }
}
