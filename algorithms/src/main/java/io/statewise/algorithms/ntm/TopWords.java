package io.statewise.algorithms.ntm;

import java.util.Arrays;

/** The indices of the largest values of a row: what topics report and what coherence and diversity measure. */
final class TopWords {

    private TopWords() {}

    /** Indices of the {@code count} largest values, largest first; ties go to the smaller index. */
    static int[] largest(float[] values, int count) {
        int[] top = new int[count];
        int filled = 0;
        for (int j = 0; j < values.length; j++) {
            if (filled == count && values[j] <= values[top[count - 1]]) continue;
            int at = filled < count ? filled++ : count - 1;
            while (at > 0 && values[top[at - 1]] < values[j]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = j;
        }
        return Arrays.copyOf(top, filled);
    }
}
