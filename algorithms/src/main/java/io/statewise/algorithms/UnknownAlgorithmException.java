package io.statewise.algorithms;

import java.util.List;

/** A job named an algorithm that is not registered. */
public final class UnknownAlgorithmException extends IllegalArgumentException {
    public UnknownAlgorithmException(String name, List<String> known) {
        super("unknown algorithm '" + name + "'; known: " + String.join(", ", known));
    }
}
