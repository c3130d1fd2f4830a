package io.statewise.algorithms.linear;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DenseBatch;
import io.statewise.algorithms.data.SparseBatch;

/**
 * Rejects labels the predictor type cannot learn from and features that are not finite, naming the record (its index
 * in the batch) and the rule, so that the runtime can turn the error into a job failure that points at the data.
 */
final class RecordCheck {

    private RecordCheck() {}

    /**
     * Checks the first {@code n} labels.
     *
     * @throws IllegalArgumentException naming the first bad label, its record and what {@code type} expects
     */
    static void labels(PredictorType type, int classes, float[] labels, int n) {
        for (int i = 0; i < n; i++) {
            float y = labels[i];
            switch (type) {
                case REGRESSOR -> {
                    if (!Float.isFinite(y)) {
                        throw new IllegalArgumentException("label " + y + " of record " + i
                                + " of the batch: predictor_type=regressor expects finite labels");
                    }
                }
                case BINARY_CLASSIFIER -> {
                    if (y != 0 && y != 1) {
                        throw new IllegalArgumentException("label " + y + " of record " + i
                                + " of the batch: predictor_type=binary_classifier expects 0 or 1");
                    }
                }
                case MULTICLASS_CLASSIFIER -> {
                    if (!(y >= 0 && y < classes && y == Math.rint(y))) {
                        throw new IllegalArgumentException("label " + y + " of record " + i
                                + " of the batch: predictor_type=multiclass_classifier with num_classes=" + classes
                                + " expects class ids 0.." + (classes - 1));
                    }
                }
            }
        }
    }

    /**
     * Checks that every feature value of the first {@code n} records is finite (a NaN would poison the normalizer
     * and every packed model).
     *
     * @throws IllegalArgumentException naming the first bad value, its feature and record
     */
    static void features(Batch batch, int n) {
        if (batch instanceof DenseBatch dense) {
            float[] x = dense.features();
            int d = dense.dimension();
            for (int i = 0; i < n * d; i++) {
                if (!Float.isFinite(x[i])) throw notFinite(x[i], i % d, i / d);
            }
        } else {
            SparseBatch sparse = (SparseBatch) batch;
            int[] rowStart = sparse.rowStart();
            float[] values = sparse.values();
            int[] indices = sparse.indices();
            for (int i = 0; i < n; i++) {
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    if (!Float.isFinite(values[p])) throw notFinite(values[p], indices[p], i);
                }
            }
        }
    }

    private static IllegalArgumentException notFinite(float value, int feature, int record) {
        return new IllegalArgumentException("feature " + feature + " of record " + record + " of the batch is "
                + value + ": features must be finite");
    }
}
