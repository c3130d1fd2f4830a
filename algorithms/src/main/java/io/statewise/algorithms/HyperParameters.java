package io.statewise.algorithms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Validated hyperparameter values of one algorithm, every parameter of its {@link HyperParameterSpec} present
 * (defaults filled in). Immutable. Typed getters fail fast on a name the spec does not declare.
 */
public final class HyperParameters {

    /** The value of an {@code _OR_AUTO} parameter left at {@code auto}. */
    public static final String AUTO = "auto";

    private final HyperParameterSpec spec;
    private final Map<String, Object> values;

    HyperParameters(HyperParameterSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The spec these values were validated against. */
    public HyperParameterSpec spec() {
        return spec;
    }

    /** Every value, in the spec's order, as plain Java objects (Integer, Double, Boolean, String, List). */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * These values, checked to be {@code algorithm}'s: each algorithm's constructor takes its own values only.
     *
     * @throws IllegalArgumentException if they were parsed by another algorithm's spec
     */
    public HyperParameters requireAlgorithm(String algorithm) {
        if (!algorithm.equals(spec.algorithm())) {
            throw new IllegalArgumentException("hyperparameters of " + spec.algorithm() + ", not " + algorithm);
        }
        return this;
    }

    /** These values with some replaced, validated again. */
    public HyperParameters with(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return spec.parse(merged);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    /**
     * A real-valued parameter; for a {@link HyperParameterSpec.Type#DOUBLE_OR_AUTO} one left at {@code auto}, the
     * constant {@code auto} stands for.
     *
     * @throws IllegalStateException if it is {@code auto} and the algorithm decides what that means: read it with
     *                               {@link #getDoubleOrAuto}
     */
    public double getDouble(String name) {
        Object v = get(name);
        if (!AUTO.equals(v)) return (Double) v;
        double auto = spec.param(name).autoValue();
        if (Double.isNaN(auto)) {
            throw new IllegalStateException(name + " is auto, which the algorithm resolves: use getDoubleOrAuto");
        }
        return auto;
    }

    /** A {@link HyperParameterSpec.Type#DOUBLE_OR_AUTO} parameter's value; empty when left at {@code auto}. */
    public OptionalDouble getDoubleOrAuto(String name) {
        Object v = get(name);
        return AUTO.equals(v) ? OptionalDouble.empty() : OptionalDouble.of((Double) v);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    /** Whether an {@code _OR_AUTO} parameter was left at {@code auto}. */
    public boolean isAuto(String name) {
        return AUTO.equals(get(name));
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String name) {
        return (List<String>) get(name);
    }

    /** The integers of an INT_LIST_OR_AUTO parameter that was not left at {@code auto}. */
    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no hyperparameter '" + name + "' in " + spec.algorithm());
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParameters h && h.spec.algorithm().equals(spec.algorithm()) && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return spec.algorithm() + values;
    }
}
