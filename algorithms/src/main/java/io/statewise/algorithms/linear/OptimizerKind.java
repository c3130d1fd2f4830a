package io.statewise.algorithms.linear;

/**
 * The update rule of every packed model: SageMaker's {@code optimizer}.
 */
public enum OptimizerKind {
    /**
     * Stochastic gradient descent with heavy-ball momentum ({@code momentum}): {@code v = momentum v - lr g;
     * w += v} (Polyak, 1964).
     */
    SGD("sgd"),
    /**
     * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015) with {@code beta_1},
     * {@code beta_2}, epsilon 1e-8 and bias correction.
     */
    ADAM("adam"),
    /**
     * RMSProp (Tieleman and Hinton, 2012): {@code v = beta_2 v + (1 - beta_2) g^2; w -= lr g / (sqrt(v) + eps)}; the
     * decay is {@code beta_2}.
     */
    RMSPROP("rmsprop");

    private final String parameterValue;

    OptimizerKind(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value of {@code optimizer} naming this rule. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The rule named {@code value}; {@code auto} is Adam, SageMaker's default. */
    static OptimizerKind of(String value) {
        if ("auto".equals(value)) return ADAM;
        for (OptimizerKind o : values()) {
            if (o.parameterValue.equals(value)) return o;
        }
        throw new IllegalArgumentException("unknown optimizer " + value);
    }

    /**
     * The learning rate used for {@code learning_rate = auto}: 0.1 for SGD, 0.01 for Adam and RMSProp. Features (and
     * regression labels) are standardized by the scaler pass, so these fit most data; model packing then tries rates
     * from a tenth to ten times this one.
     */
    double autoLearningRate() {
        return this == SGD ? 0.1 : 0.01;
    }
}
