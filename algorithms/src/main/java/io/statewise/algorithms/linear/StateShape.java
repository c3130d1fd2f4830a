package io.statewise.algorithms.linear;

/**
 * The dimensions that fix a linear-learner state's size: the schema's features and the configuration's outputs,
 * packed models, histogram bins and label counters.
 *
 * @param dimension  features per record, at least 1
 * @param outputs    linear outputs per model (classes of a multiclass classifier, else 1)
 * @param models     packed models
 * @param bins       histogram bins per model and class (binary classifiers), else 0
 * @param labelSlots label counters (one per class of a classifier), else 0
 */
public record StateShape(int dimension, int outputs, int models, int bins, int labelSlots) {

    /** The most parameters one state may hold, so that every array fits in memory and one encoding. */
    static final long MAX_PARAMETERS = 1L << 26;

    /**
     * Validates the dimensions.
     *
     * @throws IllegalArgumentException on a non-positive dimension or more than {@link #MAX_PARAMETERS} parameters
     */
    public StateShape {
        if (dimension < 1 || outputs < 1 || models < 1 || bins < 0 || labelSlots < 0) {
            throw new IllegalArgumentException("bad state shape " + dimension + " x " + outputs + " x " + models
                    + ", " + bins + " bins, " + labelSlots + " labels");
        }
        if ((long) (dimension + 1) * outputs * models > MAX_PARAMETERS) {
            throw new IllegalArgumentException((long) (dimension + 1) * outputs * models
                    + " parameters exceed the limit of " + MAX_PARAMETERS);
        }
    }

    /** The shape a configuration gives to data of {@code dimension} features. */
    static StateShape of(LinearConfig config, int dimension) {
        return new StateShape(dimension, config.outputs(), config.numModels(), config.histogramBins(),
                config.labelSlots());
    }

    /** Columns of the parameter matrix: one per (model, output), {@code models * outputs}. */
    public int width() {
        return models * outputs;
    }

    /**
     * Parameters of all packed models: {@code (d + 1) x width}, row-major, row {@code d} the biases. Row-major with
     * the models innermost, so that one feature's weights of every model are adjacent: the inner loops of the packed
     * products run over models on contiguous memory.
     */
    public int parameters() {
        return (dimension + 1) * width();
    }
}
