package io.statewise.algorithms;

/** A hyperparameter that is missing, unknown, of the wrong type or out of range; names the parameter. */
public final class InvalidHyperParameterException extends IllegalArgumentException {
    private final String parameter;

    public InvalidHyperParameterException(String parameter, String message) {
        super("hyperparameter '" + parameter + "': " + message);
        this.parameter = parameter;
    }

    /** The offending hyperparameter's name. */
    public String parameter() {
        return parameter;
    }
}
