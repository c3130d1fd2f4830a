package io.statewise.algorithms.tuning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A finalize-time sweep: one hyperparameter over candidate values, and how to choose among them.
 *
 * @param parameter the hyperparameter to sweep, by its name in the algorithm's spec (e.g. {@code k})
 * @param values    its candidate values as text, in the order of the table; validated by the algorithm's spec
 * @param select    how to choose (algorithm-specific, e.g. {@code elbow}); empty: the algorithm's default
 * @param target    a number the choice reads (e.g. PCA's explained variance ratio to reach); empty: the default
 */
public record TuneRequest(String parameter, List<String> values, Optional<String> select, OptionalDouble target) {
    public TuneRequest {
        Objects.requireNonNull(parameter, "parameter");
        values = List.copyOf(values);
        select = select == null ? Optional.empty() : select;
        target = target == null ? OptionalDouble.empty() : target;
    }
}
