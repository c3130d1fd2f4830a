package io.statewise.algorithms.data;

/**
 * RFC 4180 quoting, fed line by line: a field that starts with {@code "} (after blanks) runs to the next lone
 * {@code "}, across delimiters and line ends, and {@code ""} inside it is a literal quote; a {@code "} anywhere else is
 * an ordinary byte. The split planner of quoted CSV ({@link CsvRecordPlanner}) and the text CSV reader
 * ({@link TextCsvReader}) both scan with this one class, so they agree on where records end. Mutable, single-threaded.
 */
final class CsvQuotes {

    private final byte delimiter;
    private boolean quoted;
    private boolean fieldStart = true;

    CsvQuotes(byte delimiter) {
        this.delimiter = delimiter;
    }

    /** Resets the state for the first field of a record. */
    void startRecord() {
        quoted = false;
        fieldStart = true;
    }

    /** Whether the scan stopped inside a quoted field: at a line end, the field (and record) continues. */
    boolean quoted() {
        return quoted;
    }

    /**
     * Scans {@code b[p .. to)} to the next delimiter outside quotes.
     *
     * @return the delimiter's offset (the next field starts after it), or {@code to} if the line ends first
     */
    int scanField(byte[] b, int p, int to) {
        byte d = delimiter;
        while (p < to) {
            byte c = b[p];
            if (quoted) {
                if (c == '"') {
                    if (p + 1 < to && b[p + 1] == '"') {
                        p += 2;
                        continue;
                    }
                    quoted = false;
                }
            } else if (c == d) {
                fieldStart = true;
                return p;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c != ' ' && c != '\t') {
                fieldStart = false;
            }
            p++;
        }
        return to;
    }
}
