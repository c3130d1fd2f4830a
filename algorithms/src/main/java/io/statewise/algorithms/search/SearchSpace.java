package io.statewise.algorithms.search;

import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.InvalidHyperParameterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The hyperparameters a tuning job searches and the values each takes, checked against the algorithm's spec: every
 * name is one of its hyperparameters, every listed value and both ends of an interval parse as that hyperparameter's
 * values do (type and range), an integer interval belongs to an integer hyperparameter and a real one to a real
 * hyperparameter, and a log scale has a positive minimum. Immutable.
 */
public final class SearchSpace {

    /** The field of a search request that holds the space, for error messages. */
    private static final String FIELD = "search_space";

    private final Map<String, ParamRange> ranges;

    private SearchSpace(Map<String, ParamRange> ranges) {
        this.ranges = Collections.unmodifiableMap(new TreeMap<>(ranges));
    }

    /**
     * A validated space.
     *
     * @param spec     the algorithm's hyperparameters
     * @param ranges   what to search, by hyperparameter name. Not modified.
     * @param reserved names the search sets itself (the epochs of successive halving), which a range may not name
     * @throws SearchException naming the field ({@code search_space.<name>}) of the first range that is empty, of the
     *                         wrong type, out of the hyperparameter's bounds, or of a name the algorithm does not have
     */
    public static SearchSpace of(HyperParameterSpec spec, Map<String, ParamRange> ranges, Set<String> reserved) {
        if (ranges.isEmpty()) throw new SearchException(FIELD, "the search space is empty: name at least one "
                + "hyperparameter of " + spec.algorithm() + " with its values or range");
        Map<String, Param> known = new TreeMap<>();
        Map<String, ParamRange> resolved = new TreeMap<>();
        for (Param p : spec.params()) known.put(p.name(), p);
        for (var e : new TreeMap<>(ranges).entrySet()) {
            String name = e.getKey();
            String field = FIELD + "." + name;
            Param param = known.get(name);
            if (param == null) {
                throw new SearchException(field, spec.algorithm() + " has no hyperparameter '" + name + "'; it has "
                        + String.join(", ", known.keySet()));
            }
            if (reserved.contains(name)) {
                throw new SearchException(field, "'" + name + "' is set by the search strategy and cannot be searched");
            }
            resolved.put(name, check(spec, param, field, e.getValue()));
        }
        return new SearchSpace(resolved);
    }

    /** The range, checked, with an interval's type resolved. */
    private static ParamRange check(HyperParameterSpec spec, Param param, String field, ParamRange range) {
        if (range instanceof ParamRange.Values v) {
            if (v.values().isEmpty()) throw new SearchException(field, "the values of '" + param.name()
                    + "' are empty");
            for (String value : v.values()) parse(spec, param, field, value);
            return v;
        }
        if (range instanceof ParamRange.Interval given) {
            boolean integerParam = param.type() == HyperParameterSpec.Type.INT
                    || param.type() == HyperParameterSpec.Type.INT_OR_AUTO;
            boolean realParam = param.type() == HyperParameterSpec.Type.DOUBLE
                    || param.type() == HyperParameterSpec.Type.DOUBLE_OR_AUTO;
            if (!integerParam && !realParam) {
                throw new SearchException(field, "'" + param.name() + "' is of type "
                        + param.type().name().toLowerCase(java.util.Locale.ROOT)
                        + ": give its candidates as 'values', not a min/max range");
            }
            ParamRange.Interval i = given.type() != ParamRange.NumberType.AS_PARAMETER ? given
                    : given.withType(integerParam ? ParamRange.NumberType.INT : ParamRange.NumberType.FLOAT);
            if (i.integer() && !integerParam) {
                throw new SearchException(field, "'" + param.name() + "' takes real numbers: use type float");
            }
            if (!i.integer() && integerParam) {
                throw new SearchException(field, "'" + param.name() + "' takes integers: use type int");
            }
            if (!Double.isFinite(i.min()) || !Double.isFinite(i.max()) || i.min() > i.max()) {
                throw new SearchException(field, "the range of '" + param.name() + "' is empty: min " + i.min()
                        + " must be finite and at most max " + i.max());
            }
            if (i.integer() && (i.min() != Math.rint(i.min()) || i.max() != Math.rint(i.max()))) {
                throw new SearchException(field, "the ends of an int range must be integers, got [" + i.min()
                        + ", " + i.max() + "]");
            }
            if (i.scale() == ParamRange.Scale.LOG && i.min() <= 0) {
                throw new SearchException(field, "a log scale needs min > 0, got " + i.min());
            }
            parse(spec, param, field, format(i.min(), i.integer()));
            parse(spec, param, field, format(i.max(), i.integer()));
            return i;
        }
        throw new IllegalArgumentException("unknown range " + range);
    }

    private static String format(double v, boolean integer) {
        return integer ? Long.toString((long) v) : Double.toString(v);
    }

    private static void parse(HyperParameterSpec spec, Param param, String field, String value) {
        try {
            spec.parseValue(param.name(), value);
        } catch (InvalidHyperParameterException e) {
            throw new SearchException(field, e.getMessage());
        }
    }

    /** The ranges by hyperparameter name, in name order. */
    public Map<String, ParamRange> ranges() {
        return ranges;
    }

    /**
     * {@code n} configurations: the same seed gives the same list. Each is a map from searched name to value text.
     * When every range is a list of values, the configurations are the grid of all their combinations in a seeded
     * random order (repeated from its start when {@code n} exceeds the grid), so no combination is trained twice
     * before all were; otherwise each configuration draws every range independently, in name order.
     */
    public List<Map<String, String>> sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (ranges.values().stream().allMatch(r -> r instanceof ParamRange.Values)) return shuffledGrid(n, random);
        List<Map<String, String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, String> config = new TreeMap<>();
            ranges.forEach((name, range) -> config.put(name, range.sample(random)));
            out.add(Collections.unmodifiableMap(config));
        }
        return List.copyOf(out);
    }

    private List<Map<String, String>> shuffledGrid(int n, SplittableRandom random) {
        List<Map<String, String>> grid = new ArrayList<>();
        grid.add(Map.of());
        ranges.forEach((name, range) -> {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : grid) {
                for (String value : ((ParamRange.Values) range).values()) {
                    Map<String, String> config = new TreeMap<>(partial);
                    config.put(name, value);
                    next.add(Collections.unmodifiableMap(config));
                }
            }
            grid.clear();
            grid.addAll(next);
        });
        for (int i = grid.size() - 1; i > 0; i--) Collections.swap(grid, i, random.nextInt(i + 1));
        List<Map<String, String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(grid.get(i % grid.size()));
        return List.copyOf(out);
    }
}
