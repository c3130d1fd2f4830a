package io.statewise.bench;

import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;

/**
 * A model's metrics on a held-out file, computed after the timed job (the peers' test evaluations are not timed
 * either) with the algorithm's own evaluator, and added to a bench's JSON as {@code test_<metric>} with the time it
 * took as {@code test_evaluate_s}.
 */
final class TestSet {

    private TestSet() {}

    static void evaluate(Json json, String algorithm, Map<String, String> hyperParameters, Model model, String file,
                         DataFormat format, DataSchema schema) {
        long t0 = System.nanoTime();
        Metrics test = metrics(algorithm, hyperParameters, model, file, format, schema);
        json.put("test_evaluate_s", (System.nanoTime() - t0) / 1e9);
        test.values().forEach((name, value) -> json.put("test_" + name, value));
    }

    /** The model's metrics on the file. */
    static Metrics metrics(String algorithm, Map<String, String> hyperParameters, Model model, String file,
                           DataFormat format, DataSchema schema) {
        return Trainer.create(algorithm, hyperParameters).evaluate(model,
                SplitPlanner.plan(InputFiles.resolve(file), 32L << 20), format, schema, 0);
    }
}
