package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.Series;
import io.statewise.algorithms.data.SeriesBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small DeepAR configurations and series batches for the tests. */
final class DeepArTesting {

    private DeepArTesting() {}

    /** A small monthly network: 1 x 8 cells, context 12, horizon 6, plus {@code overrides}. */
    static Map<String, Object> small(Object... overrides) {
        Map<String, Object> hp = new HashMap<>(Map.of("time_freq", "M", "context_length", 12,
                "prediction_length", 6, "epochs", 5, "num_layers", 1, "num_cells", 8, "mini_batch_size", 16,
                "dropout_rate", 0.0, "num_eval_samples", 50, "seed", 3));
        for (int i = 0; i < overrides.length; i += 2) hp.put((String) overrides[i], overrides[i + 1]);
        return hp;
    }

    static DeepAr deepar(Map<String, Object> hp) {
        return (DeepAr) new DeepArProvider().create(hp);
    }

    /** Batches of {@code size} series, origins {@code test:<index>}. */
    static List<Batch> batches(List<Series> series, int size) {
        List<Batch> out = new ArrayList<>();
        SeriesBatch batch = null;
        for (int i = 0; i < series.size(); i++) {
            if (batch == null || batch.isFull()) {
                batch = new SeriesBatch(size);
                out.add(batch);
            }
            batch.add(series.get(i), "test:" + (i + 1));
        }
        return out;
    }

    /** The series with their last {@code drop} values removed: the training part of test series. */
    static List<Series> withoutLast(List<Series> series, int drop) {
        List<Series> out = new ArrayList<>();
        for (Series s : series) {
            float[] t = s.target();
            out.add(new Series(s.id(), s.start(), java.util.Arrays.copyOf(t, t.length - drop), s.cat(),
                    s.dynamicFeat()));
        }
        return out;
    }
}
