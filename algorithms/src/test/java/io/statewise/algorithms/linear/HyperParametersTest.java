package io.statewise.algorithms.linear;

import static io.statewise.algorithms.linear.LinearTesting.learner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SageMaker's names and spellings, resolved autos, and clear errors naming the parameter. */
class HyperParametersTest {

    @Test
    void registeredWithDefaultsAndAnExtraScalerEpoch() {
        assertTrue(Algorithms.names().contains("linear-learner"));
        Trainer trainer = Trainer.create("linear-learner", Map.of("predictor_type", "regressor"));
        LinearLearner algorithm = assertInstanceOf(LinearLearner.class, trainer.algorithm());
        LinearConfig c = algorithm.config();
        assertEquals(16, algorithm.schedule().epochs());
        assertEquals(1000, algorithm.schedule().miniBatchSize());
        assertEquals(new SyncPolicy.EveryNBatches(10), algorithm.syncPolicy());
        assertEquals(32, c.numModels());
        assertEquals(OptimizerKind.ADAM, c.optimizer());
        assertEquals(0.01, c.learningRate());
        assertEquals(LossKind.SQUARED_LOSS, c.loss().kind());
        assertTrue(c.normalizeLabel());
        assertEquals(1250, c.scalerSampleRecords());
        assertEquals(3, c.earlyStoppingPatience());
    }

    @Test
    void sageMakerSpellingsAreAccepted() {
        LinearLearner a = (LinearLearner) new LinearLearnerProvider().create(Map.of("predictor_type",
                "binary_classifier", "learning_rate", "auto", "wd", "AUTO", "optimizer", "sgd",
                "positive_example_weight_mult", "balanced", "num_models", "auto", "loss", "auto"));
        assertEquals(0.1, a.config().learningRate());
        assertEquals(0, a.config().wd());
        assertTrue(a.config().balancedPositives());
        assertEquals(LossKind.LOGISTIC, a.config().loss().kind());
        assertTrue(!a.config().normalizeLabel());
    }

    @Test
    void realParametersTakeAutoAndSayWhatItMeans() {
        LinearLearner defaults = learner("predictor_type", "binary_classifier");
        assertTrue(defaults.hyperParameters().isAuto("beta_1"), "SageMaker's default is auto");
        assertEquals(0.9, defaults.hyperParameters().getDouble("beta_1"), "auto stands for 0.9");
        assertEquals(0.9, defaults.config().beta1());
        assertTrue(defaults.hyperParameters().getDoubleOrAuto("learning_rate").isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> defaults.hyperParameters().getDouble("learning_rate"));
        assertTrue(e.getMessage().contains("learning_rate is auto"), e.getMessage());
        assertEquals(0.01, defaults.config().learningRate(), "auto for adam");

        LinearLearner given = learner("predictor_type", "binary_classifier", "beta_1", "0.5", "learning_rate", 0.3);
        assertEquals(0.5, given.config().beta1());
        assertEquals(0.3, given.config().learningRate());
        InvalidHyperParameterException bad = assertThrows(InvalidHyperParameterException.class,
                () -> learner("predictor_type", "binary_classifier", "beta_1", "fast"));
        assertEquals("beta_1", bad.parameter());
        assertTrue(bad.getMessage().contains("or 'auto'"), bad.getMessage());
        bad = assertThrows(InvalidHyperParameterException.class,
                () -> learner("predictor_type", "binary_classifier", "learning_rate", 0));
        assertEquals("learning_rate", bad.parameter(), "a learning rate must be positive");
    }

    @Test
    void inconsistentValuesNameTheirParameter() {
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> learner("predictor_type", "binary_classifier", "loss", "squared_loss"));
        assertEquals("loss", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class,
                () -> learner("predictor_type", "multiclass_classifier"));
        assertEquals("num_classes", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class, () -> learner("predictor_type", "regressor",
                "loss", "softmax_loss"));
        assertEquals("loss", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class, () -> learner("predictor_type", "regressor",
                "feature_dim", 4).init(new DataSchema(5, true)));
        assertEquals("feature_dim", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class, () -> learner());
        assertEquals("predictor_type", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class, () -> learner("predictor_type", "regressor",
                "learning_rate", "fast"));
        assertEquals("learning_rate", e.parameter());
        e = assertThrows(InvalidHyperParameterException.class, () -> learner("predictor_type",
                "multiclass_classifier", "num_classes", 100_000, "num_models", 32).init(new DataSchema(100, true)));
        assertEquals("num_models", e.parameter());
    }
}
