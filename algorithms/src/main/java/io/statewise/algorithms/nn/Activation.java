package io.statewise.algorithms.nn;

import java.util.Locale;

/**
 * Element-wise activations. Each derivative is computed from the activation's output {@code a = f(z)}, so a layer
 * keeps only its outputs for the backward pass: sigmoid {@code a (1 - a)}, tanh {@code 1 - a^2}, relu {@code [a > 0]},
 * softplus {@code sigmoid(z) = 1 - exp(-a)}.
 */
public enum Activation {
    IDENTITY, SIGMOID, TANH, RELU, SOFTPLUS;

    /** The activation named {@code name} (case-insensitive), e.g. {@code "sigmoid"}. */
    public static Activation of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The lower-case name, as hyperparameters spell it. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code x[0..count) = f(x)}, in place. */
    public void apply(float[] x, int count) {
        switch (this) {
            case IDENTITY -> { }
            case SIGMOID -> {
                for (int i = 0; i < count; i++) x[i] = (float) sigmoid(x[i]);
            }
            case TANH -> {
                for (int i = 0; i < count; i++) x[i] = (float) Math.tanh(x[i]);
            }
            case RELU -> {
                for (int i = 0; i < count; i++) x[i] = Math.max(0f, x[i]);
            }
            case SOFTPLUS -> {
                for (int i = 0; i < count; i++) x[i] = (float) softplus(x[i]);
            }
        }
    }

    /**
     * Backward: {@code grad[i] *= f'(z_i)} for outputs {@code a[0..count)}, turning the gradient with respect to the
     * outputs into the gradient with respect to the pre-activations, in place.
     */
    public void backward(float[] a, float[] grad, int count) {
        switch (this) {
            case IDENTITY -> { }
            case SIGMOID -> {
                for (int i = 0; i < count; i++) grad[i] *= a[i] * (1 - a[i]);
            }
            case TANH -> {
                for (int i = 0; i < count; i++) grad[i] *= 1 - a[i] * a[i];
            }
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    if (a[i] <= 0) grad[i] = 0;
                }
            }
            case SOFTPLUS -> {
                for (int i = 0; i < count; i++) grad[i] *= (float) -Math.expm1(-a[i]);
            }
        }
    }

    /** {@code 1 / (1 + e^-z)}, without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code log(1 + e^z)}, without overflow. */
    public static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
