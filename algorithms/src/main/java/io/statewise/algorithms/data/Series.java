package io.statewise.algorithms.data;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One time series as SageMaker DeepAR reads it: for tests, predictions and small inputs; bulk data travels in
 * {@link SeriesBatch}es. Arrays are copied in and out.
 *
 * @param id          the series' identity, for messages and forecasts
 * @param start       the timestamp of the first target value (wall-clock, no time zone)
 * @param target      values, {@code NaN} where missing
 * @param cat         categorical features (possibly none)
 * @param dynamicFeat dynamic features (possibly none), each as long as the target, or longer by the horizon to
 *                    forecast
 */
public record Series(String id, LocalDateTime start, float[] target, int[] cat, float[][] dynamicFeat) {

    public Series {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        target = target.clone();
        cat = cat == null ? new int[0] : cat.clone();
        float[][] copy = new float[dynamicFeat == null ? 0 : dynamicFeat.length][];
        for (int f = 0; f < copy.length; f++) copy[f] = dynamicFeat[f].clone();
        dynamicFeat = copy;
    }

    /** A series without categorical or dynamic features. */
    public Series(String id, LocalDateTime start, float[] target) {
        this(id, start, target, new int[0], new float[0][]);
    }

    @Override
    public float[] target() {
        return target.clone();
    }

    @Override
    public int[] cat() {
        return cat.clone();
    }

    @Override
    public float[][] dynamicFeat() {
        float[][] copy = new float[dynamicFeat.length][];
        for (int f = 0; f < copy.length; f++) copy[f] = dynamicFeat[f].clone();
        return copy;
    }
}
