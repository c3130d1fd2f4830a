package io.statewise.algorithms.deepar;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.nn.GradientPolicy;
import io.statewise.algorithms.nn.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validated DeepAR hyperparameters; the names follow SageMaker's DeepAR.
 *
 * @param timeFreq              the series' frequency ({@code time_freq})
 * @param contextLength         steps the network reads before it forecasts
 * @param predictionLength      steps forecast
 * @param epochs                passes over the series
 * @param miniBatchSize         series per optimizer step
 * @param learningRate          Adam's first step size
 * @param learningRateDecayFactor   the step size's multiplier after {@code learningRateDecayPatience} epochs
 *                                  without a lower loss ({@link LearningRateSchedule}); 1 for none
 * @param learningRateDecayPatience epochs without a lower loss per decay of the step size; 0 for none
 * @param learningRateDecayWarmupEpochs epochs at the start of training during which the step size does not decay
 * @param minimumLearningRate       the lowest step size decays reach
 * @param numLayers             stacked LSTM layers
 * @param numCells              cells per layer
 * @param dropoutRate           dropout between stacked LSTM layers while training (not on the last layer's outputs)
 * @param likelihood            the output distribution
 * @param embeddingDimension    values per categorical feature's embedding
 * @param cardinality           values of each categorical feature; empty for none
 * @param ignoreCat             whether {@code cat} fields of the data are ignored ({@code cardinality=ignore})
 * @param numDynamicFeat        dynamic features per series; 0 for none
 * @param ignoreDynamic         whether {@code dynamic_feat} fields are ignored ({@code num_dynamic_feat=ignore})
 * @param earlyStoppingPatience epochs without a lower loss before training stops; 0 for never
 * @param numEvalSamples        sample paths per forecast
 * @param testQuantiles         quantile levels forecast and scored, ascending, in (0, 1)
 * @param syncEveryBatches      mini-batches between a worker's synchronizations
 * @param windowsPerSeries      training windows drawn from each series per epoch (one optimizer step each)
 * @param windowHalfLife        steps from a series' end over which a training window's chance of being drawn halves;
 *                              0 for windows drawn uniformly ({@link WindowLoader})
 * @param clipGradient          element-wise gradient bound; {@code +inf} for none
 * @param seed                  initial parameters, and with the runtime's per-split seeds windows, dropout and samples
 */
public record DeepArConfig(TimeFrequency timeFreq, int contextLength, int predictionLength, int epochs,
                           int miniBatchSize, double learningRate, double learningRateDecayFactor,
                           int learningRateDecayPatience, int learningRateDecayWarmupEpochs,
                           double minimumLearningRate, int numLayers, int numCells, double dropoutRate,
                           Likelihood likelihood, int embeddingDimension, List<Integer> cardinality, boolean ignoreCat,
                           int numDynamicFeat, boolean ignoreDynamic, int earlyStoppingPatience, int numEvalSamples,
                           List<Double> testQuantiles, int syncEveryBatches, int windowsPerSeries,
                           double windowHalfLife, double clipGradient, long seed) {

    public DeepArConfig {
        cardinality = List.copyOf(cardinality);
        testQuantiles = List.copyOf(testQuantiles);
        for (int c : cardinality) require(c >= 1, "cardinality", "values must be >= 1, got " + c);
        require(!testQuantiles.isEmpty(), "test_quantiles", "needs at least one quantile");
        double previous = 0;
        for (double q : testQuantiles) {
            require(q > previous && q < 1, "test_quantiles", "must be ascending in (0, 1), got " + testQuantiles);
            previous = q;
        }
        require(dropoutRate >= 0 && dropoutRate < 1, "dropout_rate", "must be in [0, 1), got " + dropoutRate);
        require(numDynamicFeat >= 0, "num_dynamic_feat", "must be >= 0, got " + numDynamicFeat);
        require(learningRateDecayFactor > 0 && learningRateDecayFactor <= 1, "learning_rate_decay_factor",
                "must be in (0, 1], got " + learningRateDecayFactor);
        require(learningRateDecayPatience >= 0, "learning_rate_decay_patience",
                "must be >= 0, got " + learningRateDecayPatience);
        require(learningRateDecayWarmupEpochs >= 0, "learning_rate_decay_warmup_epochs",
                "must be >= 0, got " + learningRateDecayWarmupEpochs);
        require(windowHalfLife >= 0, "window_half_life", "must be >= 0, got " + windowHalfLife);
        require(minimumLearningRate > 0, "minimum_learning_rate", "must be > 0, got " + minimumLearningRate);
    }

    private static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new InvalidHyperParameterException(parameter, message);
    }

    /** The configuration given by values parsed with {@link DeepArProvider#SPEC}. */
    public static DeepArConfig from(HyperParameters hp) {
        TimeFrequency freq;
        try {
            freq = TimeFrequency.parse(hp.getString("time_freq"));
        } catch (IllegalArgumentException e) {
            throw new InvalidHyperParameterException("time_freq", e.getMessage());
        }
        String cardinality = text(hp, "cardinality", "auto");
        String dynamic = text(hp, "num_dynamic_feat", "auto");
        List<Integer> cards = cardinality.equals("auto") || cardinality.equals("ignore") ? List.of()
                : integers("cardinality", cardinality);
        int numDynamic = dynamic.equals("auto") || dynamic.equals("ignore") ? 0
                : integers("num_dynamic_feat", dynamic).get(0);
        return new DeepArConfig(freq, hp.getInt("context_length"), hp.getInt("prediction_length"),
                hp.getInt("epochs"), hp.getInt("mini_batch_size"), hp.getDouble("learning_rate"),
                hp.getDouble("learning_rate_decay_factor"), hp.getInt("learning_rate_decay_patience"),
                hp.getInt("learning_rate_decay_warmup_epochs"), hp.getDouble("minimum_learning_rate"),
                hp.getInt("num_layers"), hp.getInt("num_cells"), hp.getDouble("dropout_rate"),
                Likelihood.of(hp.getString("likelihood")), hp.getInt("embedding_dimension"), cards,
                cardinality.equals("ignore"), numDynamic, dynamic.equals("ignore"),
                hp.getInt("early_stopping_patience"), hp.getInt("num_eval_samples"),
                decimals("test_quantiles", text(hp, "test_quantiles", DeepArProvider.DEFAULT_QUANTILES)),
                hp.getInt("sync_every_batches"),
                hp.getInt("windows_per_series"), hp.getDouble("window_half_life"), hp.getDouble("clip_gradient"),
                hp.getInt("seed"));
    }

    /** A free-text parameter, lower case; {@code fallback} when left empty. */
    private static String text(HyperParameters hp, String name, String fallback) {
        String v = hp.getString(name).trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() ? fallback : v;
    }

    private static List<Integer> integers(String name, String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : parts(name, text)) {
            try {
                out.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new InvalidHyperParameterException(name, "expected 'auto', 'ignore' or integers, got '" + text
                        + "'");
            }
        }
        return out;
    }

    private static List<Double> decimals(String name, String text) {
        List<Double> out = new ArrayList<>();
        for (String part : parts(name, text)) {
            try {
                out.add(Double.parseDouble(part));
            } catch (NumberFormatException e) {
                throw new InvalidHyperParameterException(name, "expected a list of numbers, got '" + text + "'");
            }
        }
        return out;
    }

    private static String[] parts(String name, String text) {
        String body = text.replaceAll("[\\[\\]\"' ]", "");
        if (body.isEmpty()) throw new InvalidHyperParameterException(name, "expected a value, got '" + text + "'");
        return body.split(",");
    }

    /** Steps of a training window: context then prediction. */
    public int windowLength() {
        return contextLength + predictionLength;
    }

    /** Adam with MXNet's defaults, SageMaker DeepAR's optimizer, at the first step size. */
    public Optimizer updateRule() {
        return updateRule(learningRate);
    }

    /** Adam with MXNet's defaults at step size {@code rate}. */
    Optimizer updateRule(double rate) {
        return new Optimizer.Adam(rate, 0.9, 0.999, 1e-8);
    }

    /** The step size's decay on plateau. */
    LearningRateSchedule learningRateSchedule() {
        return new LearningRateSchedule(learningRate, learningRateDecayFactor, learningRateDecayPatience,
                learningRateDecayWarmupEpochs, minimumLearningRate);
    }

    /** Element-wise clipping at {@code clip_gradient}. */
    public GradientPolicy gradientPolicy() {
        return new GradientPolicy(1, clipGradient, 0);
    }

    /** The network's dimensions. */
    public DeepArShape shape() {
        return new DeepArShape(timeFreq, contextLength, predictionLength, likelihood, numLayers, numCells,
                embeddingDimension, cardinality, numDynamicFeat, updateRule().slots());
    }

    /** The quantile levels as an array. */
    public double[] quantiles() {
        return testQuantiles.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
