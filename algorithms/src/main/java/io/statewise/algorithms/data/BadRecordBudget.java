package io.statewise.algorithms.data;

import java.util.Optional;

/**
 * The {@code max_bad_records} policy of one split reader, shared by every format: counts malformed records, keeps the
 * first one's error for the user, and throws once the reader's own count exceeds the tolerance (with a tolerance of
 * 0, the record's own error, so the message names its file, line and column). Mutable, single-threaded.
 */
final class BadRecordBudget {
    private final Split split;
    private final long maxBadRecords;
    private long count;
    private DataFormatException first;

    BadRecordBudget(Split split, long maxBadRecords) {
        if (maxBadRecords < 0) throw new IllegalArgumentException("maxBadRecords must be >= 0, got " + maxBadRecords);
        this.split = split;
        this.maxBadRecords = maxBadRecords;
    }

    /**
     * Counts one malformed record.
     *
     * @throws DataFormatException the record's error, when no bad record is tolerated
     * @throws DataException       when the count exceeds the tolerance
     */
    void spend(DataFormatException error) {
        count++;
        if (first == null) first = error;
        if (count > maxBadRecords) {
            if (maxBadRecords == 0) throw error;
            // A whole file or stream (compressed split) is named alone; a byte range is located in its file.
            String where = split.compressed() ? split.path()
                    : split.path() + " [" + split.start() + ", " + split.end() + ")";
            throw new DataException(where + ": " + count
                    + " bad records exceed maxBadRecords " + maxBadRecords + "; the first: " + first.getMessage(),
                    error);
        }
    }

    long count() {
        return count;
    }

    Optional<DataFormatException> first() {
        return Optional.ofNullable(first);
    }
}
