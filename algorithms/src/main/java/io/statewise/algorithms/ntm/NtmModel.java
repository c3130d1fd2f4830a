package io.statewise.algorithms.ntm;

import io.statewise.algorithms.Model;
import io.statewise.algorithms.TextModel;
import io.statewise.algorithms.data.SparseBatch;
import io.statewise.algorithms.data.TextBatch;
import io.statewise.algorithms.nn.Activation;
import io.statewise.algorithms.text.VocabularyIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained neural topic model: the encoder (document to topic proportions) and the decoder's topic-word matrix with
 * batch normalization folded in, so inference needs neither batch statistics nor the training state. Immutable: the
 * constructor and accessors copy arrays.
 *
 * @param featureDim     V, the vocabulary size
 * @param numTopics      K
 * @param encoderLayers  the encoder's hidden layer sizes
 * @param activation     the encoder's activation
 * @param encoder        the encoder's parameters (hidden layers, then the posterior layer), flat
 * @param topicWord      {@code K x V}: topic {@code k}'s weight of word {@code v} in the word logits
 * @param wordBias       V: the logits' per-word offset (background frequency)
 * @param vocabulary     the V terms by word index, or null (then topics name word ids only)
 * @param topics         every topic's {@link #TOP_WORDS} heaviest words; derived from {@code topicWord} and
 *                       {@code vocabulary} (a value given here is replaced)
 */
public record NtmModel(int featureDim, int numTopics, List<Integer> encoderLayers, Activation activation,
                       float[] encoder, float[][] topicWord, float[] wordBias, String[] vocabulary,
                       List<Topic> topics) implements TextModel {

    /** Words per topic in {@link #topics()}. */
    public static final int TOP_WORDS = 10;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException on inconsistent shapes or non-finite weights
     */
    public NtmModel {
        if (featureDim < 1 || numTopics < 2) {
            throw new IllegalArgumentException("V=" + featureDim + ", K=" + numTopics);
        }
        encoderLayers = List.copyOf(encoderLayers);
        int expected = Encoder.layout(featureDim, encoderLayers, numTopics).size();
        if (encoder == null || encoder.length != expected) {
            throw new IllegalArgumentException("the encoder needs " + expected + " parameters");
        }
        if (topicWord == null || topicWord.length != numTopics || wordBias == null || wordBias.length != featureDim) {
            throw new IllegalArgumentException("the decoder needs " + numTopics + " x " + featureDim + " weights and "
                    + featureDim + " biases");
        }
        if (vocabulary != null && vocabulary.length != featureDim) {
            throw new IllegalArgumentException("a vocabulary of " + vocabulary.length + " terms for " + featureDim
                    + " words");
        }
        float[][] copy = new float[numTopics][];
        for (int k = 0; k < numTopics; k++) {
            if (topicWord[k].length != featureDim) throw new IllegalArgumentException("topic " + k + " has "
                    + topicWord[k].length + " words");
            copy[k] = topicWord[k].clone();
            requireFinite(copy[k], "topic " + k);
        }
        requireFinite(encoder, "encoder");
        requireFinite(wordBias, "word bias");
        encoder = encoder.clone();
        topicWord = copy;
        wordBias = wordBias.clone();
        vocabulary = vocabulary == null ? null : vocabulary.clone();
        topics = topTopics(topicWord, vocabulary, TOP_WORDS);
    }

    /** A model without a vocabulary; {@link #topics()} is derived. */
    public NtmModel(int featureDim, int numTopics, List<Integer> encoderLayers, Activation activation,
                    float[] encoder, float[][] topicWord, float[] wordBias) {
        this(featureDim, numTopics, encoderLayers, activation, encoder, topicWord, wordBias, null, null);
    }

    private static void requireFinite(float[] values, String what) {
        for (float v : values) {
            if (!Float.isFinite(v)) throw new IllegalArgumentException(what + " is not finite");
        }
    }

    /** This model with terms for its word indices (from a vocabulary pass), or without them ({@code null}). */
    public NtmModel withVocabulary(String[] terms) {
        return new NtmModel(featureDim, numTopics, encoderLayers, activation, encoder, topicWord, wordBias, terms,
                null);
    }

    /**
     * Topic {@code topic}'s {@code count} heaviest words, heaviest first (ties by word index).
     *
     * @throws IllegalArgumentException if {@code topic} is not in {@code [0, K)}
     */
    public List<TopicWord> topWords(int topic, int count) {
        if (topic < 0 || topic >= numTopics) throw new IllegalArgumentException("no topic " + topic);
        return topWords(topicWord[topic], vocabulary, count);
    }

    private static List<Topic> topTopics(float[][] topicWord, String[] vocabulary, int count) {
        List<Topic> out = new ArrayList<>();
        for (int k = 0; k < topicWord.length; k++) out.add(new Topic(k, topWords(topicWord[k], vocabulary, count)));
        return List.copyOf(out);
    }

    private static List<TopicWord> topWords(float[] weights, String[] vocabulary, int count) {
        int[] order = TopWords.largest(weights, Math.min(count, weights.length));
        List<TopicWord> out = new ArrayList<>(order.length);
        for (int w : order) out.add(new TopicWord(w, vocabulary == null ? null : vocabulary[w], weights[w]));
        return out;
    }

    @Override
    public String algorithm() {
        return NtmProvider.NAME;
    }

    @Override
    public int featureDimension() {
        return featureDim;
    }

    /**
     * The topic proportions of one document.
     *
     * @param features V word counts. Not modified.
     * @throws IllegalArgumentException on another length or a negative or non-finite count
     */
    @Override
    public TopicMixture predict(float[] features) {
        if (features.length != featureDim) {
            throw new IllegalArgumentException("expected " + featureDim + " word counts, got " + features.length);
        }
        double total = 0;
        for (int j = 0; j < features.length; j++) {
            if (!(features[j] >= 0) || Float.isInfinite(features[j])) {
                throw new IllegalArgumentException("word " + j + " has count " + features[j]);
            }
            total += features[j];
        }
        ModelInference inference = new ModelInference(this);
        inference.workspace.bag.addDense(features, total);
        inference.forward();
        return mixture(inference.workspace.theta, 0);
    }

    /**
     * The topic proportions of each tokenized document, in order, its words counted over the model's vocabulary (a
     * document without an in-vocabulary word gets the proportions of an empty bag).
     *
     * @param documents not modified, not retained
     * @throws IllegalStateException if the model has no vocabulary
     */
    @Override
    public List<TopicMixture> predict(TextBatch documents) {
        if (vocabulary == null) {
            throw new IllegalStateException("this NTM model has no vocabulary, so it cannot read text: train it on"
                    + " text, or give vocab_file");
        }
        SparseBatch counts = new TextDocuments(VocabularyIndex.of(Arrays.asList(vocabulary))).convert(documents);
        ModelInference inference = new ModelInference(this);
        DocumentBag bag = inference.workspace.bag;
        for (int i = 0; i < counts.size(); i++) bag.add(counts, i, DocumentBag.words(counts, i));
        inference.forward();
        List<TopicMixture> out = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) out.add(mixture(inference.workspace.theta, i));
        return out;
    }

    private TopicMixture mixture(float[] theta, int document) {
        double[] shares = new double[numTopics];
        int top = 0;
        for (int k = 0; k < numTopics; k++) {
            shares[k] = theta[document * numTopics + k];
            if (shares[k] > shares[top]) top = k;
        }
        return new TopicMixture(shares, top);
    }

    @Override
    public float[] encoder() {
        return encoder.clone();
    }

    /** The encoder's parameters without a copy, for this package's hot loops. Not to be modified. */
    float[] encoderShared() {
        return encoder;
    }

    /** The decoder as one flat {@code (K + 1) x V} block: the topic-word rows, then the word bias. */
    float[] decoderWeights() {
        float[] out = new float[(numTopics + 1) * featureDim];
        for (int k = 0; k < numTopics; k++) System.arraycopy(topicWord[k], 0, out, k * featureDim, featureDim);
        System.arraycopy(wordBias, 0, out, numTopics * featureDim, featureDim);
        return out;
    }

    @Override
    public float[][] topicWord() {
        float[][] out = new float[numTopics][];
        for (int k = 0; k < numTopics; k++) out[k] = topicWord[k].clone();
        return out;
    }

    @Override
    public float[] wordBias() {
        return wordBias.clone();
    }

    @Override
    public String[] vocabulary() {
        return vocabulary == null ? null : vocabulary.clone();
    }

    /** Equal values, array by array. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NtmModel m && m.featureDim == featureDim && m.numTopics == numTopics
                && m.encoderLayers.equals(encoderLayers) && m.activation == activation
                && Arrays.equals(m.encoder, encoder) && Arrays.deepEquals(m.topicWord, topicWord)
                && Arrays.equals(m.wordBias, wordBias) && Arrays.equals(m.vocabulary, vocabulary);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoder) * 31 + Arrays.deepHashCode(topicWord);
    }

    @Override
    public String toString() {
        return "NtmModel[V=" + featureDim + ", K=" + numTopics + ", encoder " + encoderLayers + " "
                + activation.parameterValue() + (vocabulary == null ? "" : ", with vocabulary") + "]";
    }
}
