package io.statewise.algorithms;

/** The result of {@link Model#predict} for one record; each algorithm defines its own record type. */
public interface Prediction {}
