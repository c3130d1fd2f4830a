package io.statewise.algorithms.linear;

/** How the weights of every packed model are initialized when training starts: SageMaker's {@code init_method}. */
public enum InitMethod {
    /** Uniform in {@code [-init_scale, init_scale]}. */
    UNIFORM("uniform"),
    /** Normal with mean 0 and standard deviation {@code init_sigma}. */
    NORMAL("normal"),
    /**
     * Uniform in {@code [-r, r]} with {@code r = sqrt(6 / (d + outputs))} (Glorot and Bengio, "Understanding the
     * difficulty of training deep feedforward neural networks", AISTATS 2010).
     */
    XAVIER("xavier");

    private final String parameterValue;

    InitMethod(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value of {@code init_method} naming this method. */
    public String parameterValue() {
        return parameterValue;
    }

    static InitMethod of(String value) {
        for (InitMethod m : values()) {
            if (m.parameterValue.equals(value)) return m;
        }
        throw new IllegalArgumentException("unknown init_method " + value);
    }
}
