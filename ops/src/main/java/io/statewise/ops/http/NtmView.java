package io.statewise.ops.http;

import com.fasterxml.jackson.databind.util.StdConverter;
import io.statewise.algorithms.ntm.NtmModel;
import io.statewise.algorithms.ntm.Topic;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of an {@link NtmModel}: its shape and each topic's top words (terms when the model has a vocabulary),
 * rather than the raw encoder and topic-word weights (megabytes of floats that no client reads as JSON; the model's
 * binary encoding keeps them).
 *
 * @param numTopics      topics
 * @param featureDim     words of the vocabulary (the bag-of-words dimension)
 * @param hasVocabulary  whether topics name their words by term (and {@code predict} accepts raw text)
 * @param encoderLayers  the encoder's hidden layer widths
 * @param activation     the encoder's activation
 * @param topics         each topic's top words, heaviest first
 */
public record NtmView(int numTopics, int featureDim, boolean hasVocabulary, List<Integer> encoderLayers,
                      String activation, List<Topic> topics) {

    /** The view of {@code model}. */
    public static NtmView of(NtmModel model) {
        return new NtmView(model.numTopics(), model.featureDim(), model.vocabulary() != null, model.encoderLayers(),
                model.activation().name().toLowerCase(Locale.ROOT), model.topics());
    }

    /** Serializes NTM models through their view ({@link JsonSupport} registers it). */
    static final class Converter extends StdConverter<NtmModel, NtmView> {
        @Override
        public NtmView convert(NtmModel model) {
            return of(model);
        }
    }
}
