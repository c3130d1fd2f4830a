package io.statewise.algorithms.pca;

import io.statewise.algorithms.Prediction;
import java.util.Arrays;

/**
 * A PCA prediction: the record's coordinates along the model's components, {@code V (x - mu)} (SageMaker's PCA
 * returns them as {@code projection}). Immutable: the constructor and the accessor copy the array.
 *
 * @param coordinates one value per component
 */
public record Projection(double[] coordinates) implements Prediction {

    /** Copies the coordinates. */
    public Projection {
        coordinates = coordinates.clone();
    }

    /** A copy of the coordinates. */
    @Override
    public double[] coordinates() {
        return coordinates.clone();
    }

    /** Equal coordinates, value by value (records compare arrays by identity otherwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Projection p && Arrays.equals(coordinates, p.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "Projection" + Arrays.toString(coordinates);
    }
}
