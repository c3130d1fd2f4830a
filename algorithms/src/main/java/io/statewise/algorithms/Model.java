package io.statewise.algorithms;

/**
 * An immutable trained model. Implementations are records with Jackson-friendly accessors, so the operations layer
 * can export them as JSON without a second description.
 */
public interface Model {

    /** The algorithm that produced this model. */
    String algorithm();

    /** Number of input features a record must have. */
    int featureDimension();

    /**
     * The prediction for one record.
     *
     * @param features {@link #featureDimension()} values. Not modified.
     */
    Prediction predict(float[] features);
}
