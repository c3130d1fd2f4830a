package io.statewise.algorithms;

import io.statewise.algorithms.data.TextBatch;
import java.util.List;

/**
 * A model that reads documents of text (a topic model with its vocabulary): what prediction over raw text needs.
 * Tokens outside the model's vocabulary are ignored, so any tokenization that keeps the vocabulary's terms (such as
 * {@link io.statewise.algorithms.text.Documents#tokenize}) gives the same predictions as the training's.
 */
public interface TextModel extends Model {

    /**
     * One prediction per document of {@code documents}, in order.
     *
     * @param documents not modified, not retained
     * @throws IllegalStateException if this model cannot read text (it has no vocabulary)
     */
    List<? extends Prediction> predict(TextBatch documents);
}
