package io.statewise.algorithms.ntm;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.nn.GradientPolicy;
import io.statewise.algorithms.nn.Optimizer;
import io.statewise.algorithms.text.VocabularyConfig;
import java.util.List;

/**
 * Validated NTM hyperparameters with {@code auto} resolved; the names follow SageMaker's NTM.
 *
 * @param numTopics             K, at least 2
 * @param featureDim            V, the vocabulary size: every word index is below it; 0 for {@code auto} (the data's
 *                              feature dimension, or the size of the vocabulary built from text)
 * @param encoderLayers         hidden layer sizes of the encoder ({@code auto}: {@code [3K, 2K]})
 * @param activation            the encoder's activation
 * @param epochs                passes over the data
 * @param miniBatchSize         documents per optimizer step
 * @param learningRate          step size of sgd, adam and rmsprop (adadelta has none, as in MXNet 1.x)
 * @param optimizer             {@code adadelta}, {@code adam}, {@code sgd} or {@code rmsprop}
 * @param weightDecay           L2 coefficient
 * @param clipGradient          element-wise gradient bound; {@code +inf} for none
 * @param rescaleGradient       gradient multiplier
 * @param batchNorm             whether the decoder's logits are batch-normalized (ProdLDA)
 * @param numPatienceEpochs     epochs without relative improvement of the validation loss (training loss without
 *                              validation data) before training stops
 * @param tolerance             relative improvement that counts
 * @param subSample             fraction of the documents trained on per epoch, in (0, 1]
 * @param syncEveryBatches      mini-batches between a worker's synchronizations
 * @param seed                  initial parameters, and with the runtime's per-split seeds the noise and sampling
 * @param vocabulary            the vocabulary pass over text input ({@code vocab_size} and its filters)
 * @param vocabFile             a {@code vocab.txt} giving the terms of the word indices; empty for none
 */
public record NtmConfig(int numTopics, int featureDim, List<Integer> encoderLayers, Activation activation, int epochs,
                        int miniBatchSize, double learningRate, String optimizer, double weightDecay,
                        double clipGradient, double rescaleGradient, boolean batchNorm, int numPatienceEpochs,
                        double tolerance, double subSample, int syncEveryBatches, long seed,
                        VocabularyConfig vocabulary, String vocabFile) {

    /** {@code vocab_size}'s {@code auto} when {@code feature_dim} is {@code auto} too. */
    public static final int DEFAULT_VOCAB_SIZE = 2000;

    public NtmConfig {
        require(numTopics >= 2, "num_topics", "must be at least 2, got " + numTopics);
        require(featureDim >= 0, "feature_dim", "must be at least 1 (or auto), got " + featureDim);
        require(featureDim == 0 || vocabulary.vocabSize() == featureDim, "vocab_size", "is "
                + vocabulary.vocabSize() + " but feature_dim is " + featureDim + "; leave one of them auto");
        encoderLayers = List.copyOf(encoderLayers);
        require(!encoderLayers.isEmpty(), "encoder_layers", "needs at least one layer");
        for (int size : encoderLayers) require(size >= 1, "encoder_layers", "sizes must be >= 1, got " + size);
        require(subSample > 0 && subSample <= 1, "sub_sample", "must be in (0, 1], got " + subSample);
        require(List.of("adadelta", "adam", "sgd", "rmsprop").contains(optimizer), "optimizer",
                "must be adadelta, adam, sgd or rmsprop, got " + optimizer);
    }

    private static void require(boolean ok, String parameter, String message) {
        if (!ok) throw new InvalidHyperParameterException(parameter, message);
    }

    /** The configuration given by values parsed with {@link NtmProvider#SPEC}. */
    public static NtmConfig from(HyperParameters hp) {
        int k = hp.getInt("num_topics");
        List<Integer> layers = hp.asMap().get("encoder_layers") instanceof List<?>
                ? hp.getIntList("encoder_layers") : List.of(3 * k, 2 * k);
        int featureDim = hp.isAuto("feature_dim") ? 0 : hp.getInt("feature_dim");
        int vocabSize = !hp.isAuto("vocab_size") ? hp.getInt("vocab_size")
                : featureDim > 0 ? featureDim : DEFAULT_VOCAB_SIZE;
        VocabularyConfig vocabulary = new VocabularyConfig(vocabSize, hp.getInt("capacity_factor"),
                hp.getInt("max_term_bytes"), hp.getInt("min_df"), hp.getDouble("max_df_ratio"),
                hp.getInt("mini_batch_size"));
        return new NtmConfig(k, featureDim, layers,
                Activation.of(hp.getString("encoder_layers_activation")), hp.getInt("epochs"),
                hp.getInt("mini_batch_size"), hp.getDouble("learning_rate"), hp.getString("optimizer"),
                hp.getDouble("weight_decay"), hp.getDouble("clip_gradient"), hp.getDouble("rescale_gradient"),
                hp.getBoolean("batch_norm"), hp.getInt("num_patience_epochs"), hp.getDouble("tolerance"),
                hp.getDouble("sub_sample"), hp.getInt("sync_every_batches"), hp.getInt("seed"), vocabulary,
                hp.getString("vocab_file"));
    }

    /** The update rule, with MXNet's default decay rates and epsilons. */
    public Optimizer updateRule() {
        return switch (optimizer) {
            case "adam" -> new Optimizer.Adam(learningRate, 0.9, 0.999, 1e-8);
            case "sgd" -> new Optimizer.Sgd(learningRate, 0);
            case "rmsprop" -> new Optimizer.RmsProp(learningRate, 0.9, 1e-8);
            default -> new Optimizer.AdaDelta(0.9, 1e-5);
        };
    }

    /** Rescaling, clipping and weight decay of gradients. */
    public GradientPolicy gradientPolicy() {
        return new GradientPolicy(rescaleGradient, clipGradient, weightDecay);
    }

    /** Whether {@code vocab_file} names the terms of the word indices. */
    public boolean hasVocabFile() {
        return !vocabFile.isEmpty();
    }

    /** The network's dimensions over {@code words} words. */
    public NtmShape shape(int words) {
        return new NtmShape(words, numTopics, encoderLayers, batchNorm, updateRule().slots());
    }
}
