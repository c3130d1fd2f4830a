package io.statewise.algorithms.data;

/**
 * What the planner keeps equal between the splits of a file: the workers that read them should finish together, so a
 * split's size is measured in what an algorithm's time follows.
 */
public enum SplitBalance {
    /** Equal bytes: the time follows the bytes parsed and the values they hold (dense rows, sparse non-zeros). */
    BYTES,
    /**
     * Equal records: the time per record is about fixed whatever its length (NTM decodes every document over the whole
     * vocabulary), so halves of a file by bytes can hold, e.g., 3,384 and 2,049 documents.
     */
    RECORDS
}
