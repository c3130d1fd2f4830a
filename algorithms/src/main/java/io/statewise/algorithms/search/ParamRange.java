package io.statewise.algorithms.search;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The values one hyperparameter takes in a search: a list to choose from, or an interval to draw from. */
public sealed interface ParamRange {

    /** A value drawn with {@code random}, as hyperparameter text. */
    String sample(SplittableRandom random);

    /** Uniform choice among {@code values} (hyperparameter texts, validated by {@link SearchSpace}). */
    record Values(List<String> values) implements ParamRange {
        public Values {
            values = List.copyOf(values);
        }

        @Override
        public String sample(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** How an interval is drawn from. */
    enum Scale {
        /** Uniform in {@code [min, max]}. */
        LINEAR,
        /** Uniform in {@code [log min, log max]}: as many draws per decade, for learning rates and penalties. */
        LOG;

        /** The scale called {@code name} ({@code linear} or {@code log}). */
        public static Scale of(String name) {
            for (Scale s : values()) if (s.name().equalsIgnoreCase(name)) return s;
            throw new IllegalArgumentException("scale must be linear or log, got '" + name + "'");
        }
    }

    /** What an interval's values are. */
    enum NumberType {
        INT, FLOAT,
        /** The type of the hyperparameter it is for (resolved by {@link SearchSpace#of}). */
        AS_PARAMETER;

        /** The type called {@code name} ({@code int} or {@code float}). */
        public static NumberType of(String name) {
            if ("int".equalsIgnoreCase(name) || "integer".equalsIgnoreCase(name)) return INT;
            if ("float".equalsIgnoreCase(name) || "double".equalsIgnoreCase(name)) return FLOAT;
            throw new IllegalArgumentException("type must be int or float, got '" + name + "'");
        }
    }

    /**
     * An interval {@code [min, max]}; an integer interval draws on the chosen scale and rounds to the nearest
     * integer (with {@code [min, max]} widened by a half on each side, so that both ends are as likely as the
     * integers inside).
     */
    record Interval(double min, double max, Scale scale, NumberType type) implements ParamRange {

        /** Whether its values are integers. */
        public boolean integer() {
            return type == NumberType.INT;
        }

        /** This interval with {@code resolved} as its type. */
        Interval withType(NumberType resolved) {
            return new Interval(min, max, scale, resolved);
        }

        /**
         * @throws IllegalStateException if the type was never resolved against a hyperparameter
         */
        @Override
        public String sample(SplittableRandom random) {
            if (type == NumberType.AS_PARAMETER) throw new IllegalStateException("interval type not resolved");
            boolean integer = integer();
            double lo = integer ? min - 0.5 : min;
            double hi = integer ? max + 0.5 : max;
            if (scale == Scale.LOG) {
                lo = Math.log(lo); // positive: a log scale needs min > 0, so an int range's min - 0.5 >= 0.5
                hi = Math.log(hi);
            }
            double u = lo + random.nextDouble() * (hi - lo);
            double x = scale == Scale.LOG ? Math.exp(u) : u;
            if (integer) return Long.toString(Math.min((long) max, Math.max((long) min, Math.round(x))));
            return String.format(Locale.ROOT, "%.6g", Math.min(max, Math.max(min, x)));
        }
    }
}
