package io.statewise.algorithms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The hyperparameters an algorithm accepts: names, types, defaults, ranges and descriptions. Parses raw values (strings
 * from the command line, JSON numbers and strings from the API) into validated {@link HyperParameters}.
 */
public final class HyperParameterSpec {

    /** The type of a hyperparameter's value. */
    public enum Type {
        INT, DOUBLE, BOOLEAN, CHOICE, INT_OR_AUTO, DOUBLE_OR_AUTO, CHOICE_LIST, INT_LIST_OR_AUTO, STRING
    }

    /**
     * One hyperparameter.
     *
     * @param name         snake_case name, as in SageMaker
     * @param type         value type
     * @param defaultValue default as text ({@code "auto"} for the {@code _OR_AUTO} types); null if required
     * @param min          inclusive lower bound for numbers
     * @param max          inclusive upper bound for numbers
     * @param choices      allowed values for {@link Type#CHOICE} and {@link Type#CHOICE_LIST}
     * @param description  one line for help texts
     * @param autoValue    what {@code auto} means for a {@link Type#DOUBLE_OR_AUTO} parameter when it is a constant;
     *                     NaN when the algorithm decides (from other parameters or the data) or for other types
     */
    public record Param(String name, Type type, String defaultValue, double min, double max, List<String> choices,
                        String description, double autoValue) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            choices = List.copyOf(choices);
        }

        public static Param integer(String name, Integer defaultValue, long min, long max, String description) {
            return new Param(name, Type.INT, defaultValue == null ? null : defaultValue.toString(), min, max, List.of(),
                    description, Double.NaN);
        }

        public static Param intOrAuto(String name, long min, long max, String description) {
            return new Param(name, Type.INT_OR_AUTO, "auto", min, max, List.of(), description, Double.NaN);
        }

        public static Param decimal(String name, double defaultValue, double min, double max, String description) {
            return new Param(name, Type.DOUBLE, Double.toString(defaultValue), min, max, List.of(), description,
                    Double.NaN);
        }

        /**
         * A real number or {@code auto} (SageMaker's default for many real-valued parameters), default {@code auto}.
         *
         * @param autoValue what {@code auto} stands for; NaN when the algorithm decides it
         */
        public static Param decimalOrAuto(String name, double autoValue, double min, double max, String description) {
            if (!Double.isNaN(autoValue) && (autoValue < min || autoValue > max)) {
                throw new IllegalArgumentException(name + ": auto value " + autoValue + " outside [" + min + ", " + max
                        + "]");
            }
            return new Param(name, Type.DOUBLE_OR_AUTO, "auto", min, max, List.of(), description, autoValue);
        }

        public static Param bool(String name, boolean defaultValue, String description) {
            return new Param(name, Type.BOOLEAN, Boolean.toString(defaultValue), 0, 1, List.of(), description,
                    Double.NaN);
        }

        public static Param choice(String name, String defaultValue, List<String> choices, String description) {
            return new Param(name, Type.CHOICE, defaultValue, 0, 0, choices, description, Double.NaN);
        }

        public static Param choiceList(String name, String defaultValue, List<String> choices, String description) {
            return new Param(name, Type.CHOICE_LIST, defaultValue, 0, 0, choices, description, Double.NaN);
        }

        /** A non-empty list of integers in {@code [min, max]} (e.g. layer sizes {@code [50, 20]}), or {@code auto}. */
        public static Param intListOrAuto(String name, long min, long max, String description) {
            return new Param(name, Type.INT_LIST_OR_AUTO, "auto", min, max, List.of(), description, Double.NaN);
        }

        /** Free text such as a file path; {@code ""} (the default) when not given. */
        public static Param string(String name, String description) {
            return new Param(name, Type.STRING, "", 0, 0, List.of(), description, Double.NaN);
        }

        private static final java.util.Set<String> INFINITY = java.util.Set.of("infinity", "+infinity", "inf", "+inf");

        /** Whether a value must be given. */
        public boolean required() {
            return defaultValue == null;
        }

        Object parse(Object raw) {
            String text = normalize(raw);
            return switch (type) {
                case INT -> checkRange(parseLong(text));
                case INT_OR_AUTO -> "auto".equals(text.toLowerCase(Locale.ROOT)) ? HyperParameters.AUTO
                        : checkRange(parseLong(text));
                case DOUBLE -> checkRange(parseDouble(text));
                case DOUBLE_OR_AUTO -> "auto".equals(text.toLowerCase(Locale.ROOT)) ? HyperParameters.AUTO
                        : checkRange(parseDouble(text));
                case BOOLEAN -> parseBoolean(text);
                case CHOICE -> checkChoice(text.toLowerCase(Locale.ROOT));
                case CHOICE_LIST -> parseChoiceList(text);
                case INT_LIST_OR_AUTO -> "auto".equals(text.toLowerCase(Locale.ROOT)) ? HyperParameters.AUTO
                        : parseIntList(text);
                case STRING -> text;
            };
        }

        private static String normalize(Object raw) {
            if (raw instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                for (Object o : list) parts.add(String.valueOf(o).trim());
                return String.join(",", parts);
            }
            return String.valueOf(raw).trim();
        }

        private long parseLong(String text) {
            try {
                double d = Double.parseDouble(text);
                if (d != Math.rint(d) || Double.isInfinite(d)) throw new NumberFormatException();
                return (long) d;
            } catch (NumberFormatException e) {
                throw new InvalidHyperParameterException(name, "expected an integer"
                        + (type == Type.INT_OR_AUTO ? " or 'auto'" : "") + ", got '" + text + "'");
            }
        }

        private double parseDouble(String text) {
            // A parameter whose range is unbounded above takes +infinity (SageMaker's "Infinity" for "no bound").
            if (max == Double.POSITIVE_INFINITY && INFINITY.contains(text.toLowerCase(Locale.ROOT))) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                double d = Double.parseDouble(text);
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new InvalidHyperParameterException(name, "expected a finite number"
                        + (type == Type.DOUBLE_OR_AUTO ? " or 'auto'" : "") + ", got '" + text + "'");
            }
        }

        private boolean parseBoolean(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidHyperParameterException(name, "expected true or false, got '" + text + "'");
            };
        }

        private List<Integer> parseIntList(String text) {
            String body = text.replaceAll("[\\[\\]\"' ]", "");
            if (body.isEmpty()) {
                throw new InvalidHyperParameterException(name, "expected a list of integers or 'auto', got '" + text
                        + "'");
            }
            List<Integer> out = new ArrayList<>();
            for (String part : body.split(",")) out.add((Integer) checkRange(parseLong(part)));
            return List.copyOf(out);
        }

        private Object checkRange(long v) {
            if (v < min || v > max) {
                throw new InvalidHyperParameterException(name, "must be in [" + (long) min + ", "
                        + (max >= Long.MAX_VALUE ? "inf" : Long.toString((long) max)) + "], got " + v);
            }
            return Math.toIntExact(v);
        }

        private Object checkRange(double v) {
            if (v < min || v > max) {
                throw new InvalidHyperParameterException(name, "must be in [" + min + ", " + max + "], got " + v);
            }
            return v;
        }

        private String checkChoice(String text) {
            if (!choices.contains(text)) {
                throw new InvalidHyperParameterException(name, "must be one of " + choices + ", got '" + text + "'");
            }
            return text;
        }

        private List<String> parseChoiceList(String text) {
            String body = text.replaceAll("[\\[\\]\"' ]", "");
            List<String> out = new ArrayList<>();
            if (!body.isEmpty()) {
                for (String part : body.split(",")) out.add(checkChoice(part.toLowerCase(Locale.ROOT)));
            }
            return List.copyOf(out);
        }
    }

    private final String algorithm;
    private final Map<String, Param> params;

    public HyperParameterSpec(String algorithm, List<Param> params) {
        this.algorithm = algorithm;
        Map<String, Param> byName = new LinkedHashMap<>();
        for (Param p : params) {
            if (byName.put(p.name(), p) != null) throw new IllegalArgumentException("duplicate parameter " + p.name());
        }
        this.params = Collections.unmodifiableMap(byName);
    }

    /** The algorithm this spec belongs to. */
    public String algorithm() {
        return algorithm;
    }

    /** Every parameter, in declaration order. */
    public List<Param> params() {
        return List.copyOf(params.values());
    }

    /**
     * The parameter called {@code name}.
     *
     * @throws IllegalArgumentException if the spec has none
     */
    public Param param(String name) {
        Param p = params.get(name);
        if (p == null) throw new IllegalArgumentException("no hyperparameter '" + name + "' in " + algorithm);
        return p;
    }

    /**
     * One value of parameter {@code name}, validated as {@link #parse} validates it (type and range), on its own.
     *
     * @throws IllegalArgumentException if the spec has no such parameter
     * @throws InvalidHyperParameterException if the value is invalid
     */
    public Object parseValue(String name, Object raw) {
        return param(name).parse(raw);
    }

    /**
     * Validates raw values and fills in defaults.
     *
     * @param raw name to value (String, Number, Boolean or a List of those); not modified
     * @throws InvalidHyperParameterException naming the first parameter that is unknown, missing or invalid
     */
    public HyperParameters parse(Map<String, ?> raw) {
        for (String name : raw.keySet()) {
            if (!params.containsKey(name)) {
                throw new InvalidHyperParameterException(name, "unknown for algorithm '" + algorithm + "'; known: "
                        + String.join(", ", params.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params.values()) {
            Object given = raw.get(p.name());
            if (given == null) {
                if (p.required()) throw new InvalidHyperParameterException(p.name(), "is required: " + p.description());
                values.put(p.name(), p.parse(p.defaultValue()));
            } else {
                values.put(p.name(), p.parse(given));
            }
        }
        return new HyperParameters(this, values);
    }
}
