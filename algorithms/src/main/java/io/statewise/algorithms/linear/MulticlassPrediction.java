package io.statewise.algorithms.linear;

import io.statewise.algorithms.Prediction;
import java.util.Arrays;

/**
 * A multiclass classifier's prediction (SageMaker's {@code predicted_label} and {@code score}).
 *
 * @param label         the most probable class (the lowest id among ties)
 * @param probabilities the softmax of the class scores, one per class; copied
 */
public record MulticlassPrediction(int label, double[] probabilities) implements Prediction {

    /** Copies the probabilities, so the record stays immutable. */
    public MulticlassPrediction {
        probabilities = probabilities.clone();
    }

    /** A copy of the class probabilities. */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MulticlassPrediction p && p.label == label && Arrays.equals(p.probabilities, probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * label + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "MulticlassPrediction[label=" + label + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
