package io.statewise.algorithms.tuning;

/** A tuning request the algorithm cannot honour; {@link #field()} names the request field at fault. */
public final class TuneRequestException extends IllegalArgumentException {
    private final String field;

    /**
     * @param field   {@code parameter}, {@code values}, {@code select} or {@code target}
     * @param message what was wrong, naming the hyperparameter
     */
    public TuneRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }
}
