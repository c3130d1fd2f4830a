package io.statewise.algorithms.tuning;

import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.InvalidHyperParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a sweep's parameter and values against an algorithm's spec, once for every tunable algorithm: each value
 * is parsed as the spec parses a job's hyperparameters, so types and ranges are checked with the same messages.
 */
public final class SweepValues {

    /** The most candidates one sweep may hold. */
    public static final int MAX_VALUES = 1000;

    private SweepValues() {}

    /**
     * The job's hyperparameters with the swept one set to each value, in request order.
     *
     * @param base     the job's validated hyperparameters. Not modified.
     * @param tunable  the parameters the algorithm can sweep
     * @throws TuneRequestException if the parameter is unknown or not tunable, the values are empty or too many, or
     *                              a value does not parse
     */
    public static List<HyperParameters> parse(HyperParameters base, List<String> tunable, TuneRequest request) {
        String name = request.parameter();
        String algorithm = base.spec().algorithm();
        if (!base.asMap().containsKey(name)) {
            throw new TuneRequestException("parameter", algorithm + " has no hyperparameter '" + name
                    + "'; it can tune " + String.join(", ", tunable));
        }
        if (!tunable.contains(name)) {
            throw new TuneRequestException("parameter", "hyperparameter '" + name + "' of " + algorithm
                    + " needs another pass over the data; from its state it can tune " + String.join(", ", tunable));
        }
        if (request.values().isEmpty()) {
            throw new TuneRequestException("values", "the range of '" + name + "' is empty");
        }
        if (request.values().size() > MAX_VALUES) {
            throw new TuneRequestException("values", "the range of '" + name + "' has " + request.values().size()
                    + " values; at most " + MAX_VALUES);
        }
        List<HyperParameters> out = new ArrayList<>(request.values().size());
        for (String value : request.values()) {
            try {
                out.add(base.with(Map.of(name, value)));
            } catch (InvalidHyperParameterException e) {
                throw new TuneRequestException("values", e.getMessage());
            }
        }
        return out;
    }

    /** The choice {@code request} names, or {@code fallback}; it must be one of {@code known}. */
    public static String select(TuneRequest request, List<String> known) {
        String select = request.select().orElse(known.get(0));
        if (!known.contains(select)) {
            throw new TuneRequestException("select", "'" + select + "' is not a choice for '" + request.parameter()
                    + "'; choices: " + String.join(", ", known));
        }
        return select;
    }
}
