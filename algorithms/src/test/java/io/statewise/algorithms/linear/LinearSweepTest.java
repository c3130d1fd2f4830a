package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.tuning.Sweep;
import io.statewise.algorithms.tuning.TuneRequest;
import io.statewise.algorithms.tuning.TuneRequestException;
import io.statewise.algorithms.tuning.TuneResult;
import io.statewise.algorithms.tuning.TuneRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Tuning a binary classifier's model selection and threshold from one state. */
class LinearSweepTest {

    private static final String CRITERIA = "binary_classifier_model_selection_criteria";
    private static final List<String> SWEPT = List.of("accuracy", "recall_at_target_precision",
            "precision_at_target_recall");

    private final LinearTesting.Data train = LinearTesting.logistic(2000, new double[] {2, 1}, -1, 143);
    private final LinearTesting.Data validation = LinearTesting.logistic(1000, new double[] {2, 1}, -1, 144);
    private final LinearLearner binary = learner("predictor_type", "binary_classifier", "mini_batch_size", 100,
            "epochs", 3, "num_models", 4);
    private final LinearState state = LinearLearnerDriver.of(binary).train(train.schema(true),
            List.of(train.batches(100, true)));

    private TuneResult onValidation(TuneRequest request) {
        Sweep sweep = binary.sweep(state, request);
        for (Batch b : validation.batches(250, false)) sweep.add(b);
        return sweep.result();
    }

    @Test
    void eachCriterionSelectsAsFinalizeWouldAndTheRowsShowWhy() {
        TuneResult result = onValidation(new TuneRequest(CRITERIA, SWEPT, Optional.empty(), OptionalDouble.empty()));
        PackedEvaluator packed = binary.packedEvaluator(state);
        for (Batch b : validation.batches(250, false)) packed.add(b);
        PackedScores scores = packed.result();
        for (int i = 0; i < SWEPT.size(); i++) {
            TuneRow row = result.rows().get(i);
            LinearModel expected = binary.finalize(state, binary.hyperParameters().with(Map.of(CRITERIA,
                    SWEPT.get(i))), scores);
            assertEquals(SWEPT.get(i), row.value());
            assertEquals(expected.selectedModel(), row.scores().get("model").intValue());
            assertEquals(expected.threshold(), row.scores().get("threshold"));
        }
        assertTrue(result.rows().get(1).scores().get("validation_precision") >= 0.8,
                "recall at target precision 0.8 keeps precision at 0.8: " + result.rows().get(1));
        assertTrue(result.rows().get(2).scores().get("validation_recall") >= 0.8, result.rows().get(2).toString());
        assertEquals(0, result.chosen(), "by default the first value");
    }

    @Test
    void theSelectedValueBecomesTheModel() {
        TuneResult result = onValidation(new TuneRequest("target_precision", List.of("0.7", "0.9"),
                Optional.of("0.9"), OptionalDouble.empty()));
        assertEquals("0.9", result.chosenValue());
        assertEquals(result.rows().get(1).scores().get("threshold"), ((LinearModel) result.model()).threshold());
    }

    @Test
    void withoutValidationDataTheTrainingHistogramsDecide() {
        TuneResult result = binary.sweep(state, new TuneRequest(CRITERIA, List.of("f_beta"), Optional.empty(),
                OptionalDouble.empty())).result();
        LinearModel expected = binary.finalize(state, binary.hyperParameters().with(Map.of(CRITERIA, "f_beta")));
        assertEquals(expected, result.model());
        assertTrue(result.rows().get(0).scores().containsKey("train_accuracy"));
    }

    @Test
    void badRequestsNameTheFieldAtFault() {
        assertField("parameter", binary, state, request("learning_rate", "0.1"));
        assertField("values", binary, state, request(CRITERIA, "best"));
        assertField("values", binary, state, request("target_recall", "1.5"));
        assertField("select", binary, state, new TuneRequest(CRITERIA, List.of("accuracy"), Optional.of("f_beta"),
                OptionalDouble.empty()));
        assertField("target", binary, state, new TuneRequest(CRITERIA, List.of("accuracy"), Optional.empty(),
                OptionalDouble.of(0.5)));
        LinearTesting.Data r = LinearTesting.regression(600, new double[] {1, 2}, 0, 1.0, 145);
        LinearLearner regressor = learner("predictor_type", "regressor", "mini_batch_size", 100, "epochs", 1,
                "num_models", 2);
        LinearState trained = LinearLearnerDriver.of(regressor).train(r.schema(false), List.of(r.batches(100,
                false)));
        assertField("parameter", regressor, trained, request(CRITERIA, "accuracy"));
    }

    private static TuneRequest request(String parameter, String value) {
        return new TuneRequest(parameter, List.of(value), Optional.empty(), OptionalDouble.empty());
    }

    private static void assertField(String field, LinearLearner learner, LinearState state, TuneRequest request) {
        TuneRequestException e = assertThrows(TuneRequestException.class, () -> learner.sweep(state, request));
        assertEquals(field, e.field(), e.getMessage());
    }
}
