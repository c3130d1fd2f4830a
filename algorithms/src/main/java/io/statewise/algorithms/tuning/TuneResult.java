package io.statewise.algorithms.tuning;

import io.statewise.algorithms.Model;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a sweep: the whole table, the chosen row and its model.
 *
 * @param parameter  the swept hyperparameter
 * @param rows       one row per candidate value, in request order
 * @param chosen     the index of the chosen row
 * @param selectedBy how it was chosen, in words (e.g. {@code elbow of validation_msd})
 * @param model      the model finalized with the chosen value
 * @param metrics    the chosen row's scores, the new model version's metrics
 */
public record TuneResult(String parameter, List<TuneRow> rows, int chosen, String selectedBy, Model model,
                         Map<String, Double> metrics) {
    public TuneResult {
        rows = List.copyOf(rows);
        metrics = Map.copyOf(metrics);
        if (chosen < 0 || chosen >= rows.size()) {
            throw new IllegalArgumentException("chosen row " + chosen + " of " + rows.size());
        }
    }

    /** The chosen value. */
    public String chosenValue() {
        return rows.get(chosen).value();
    }
}
