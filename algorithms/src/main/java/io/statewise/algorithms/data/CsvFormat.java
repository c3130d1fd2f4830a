package io.statewise.algorithms.data;

/**
 * How to read a CSV file of numbers: whether its first line is a header, which column (if any) holds the label, and
 * the field delimiter. Immutable and validated, so readers never have to re-check it. Records are dense: they are
 * read by {@link CsvSplitReader} into {@link DenseBatch}es.
 *
 * @param header      whether the first line of each file is a header to skip
 * @param labelColumn 0-based index of the label column, or {@link #NO_LABEL} for unlabeled data
 * @param delimiter   the field delimiter byte (ASCII); not a digit, sign, dot, {@code e}, space or line break
 */
public record CsvFormat(boolean header, int labelColumn, byte delimiter) implements DataFormat {

    /** {@link #labelColumn()} value for data without a label. */
    public static final int NO_LABEL = -1;

    public CsvFormat {
        if (labelColumn < NO_LABEL) {
            throw new IllegalArgumentException("labelColumn must be >= 0 or NO_LABEL (-1), got " + labelColumn);
        }
        if (!validDelimiter(delimiter)) {
            throw new IllegalArgumentException("delimiter cannot be '" + (char) (delimiter & 0xff) + "' (byte "
                    + (delimiter & 0xff) + "): it must be a printable ASCII byte or tab that cannot occur in a number");
        }
    }

    private static boolean validDelimiter(byte d) {
        if (d == '\t') return true;
        if (d <= ' ' || d >= 0x7f) return false; // controls, space, line breaks, non-ASCII
        if (d >= '0' && d <= '9') return false;
        return d != '.' && d != '-' && d != '+' && d != 'e' && d != 'E';
    }

    /** No header, the label in column 0, comma-delimited: the usual layout of labeled training CSV. */
    public static CsvFormat defaults() {
        return new CsvFormat(false, 0, (byte) ',');
    }

    /** This format with {@code header} changed. */
    public CsvFormat withHeader(boolean header) {
        return new CsvFormat(header, labelColumn, delimiter);
    }

    /** This format with the label column changed ({@link #NO_LABEL} for unlabeled data). */
    public CsvFormat withLabelColumn(int labelColumn) {
        return new CsvFormat(header, labelColumn, delimiter);
    }

    /** This format with the delimiter changed (e.g. {@code '\t'} or {@code ';'}). */
    public CsvFormat withDelimiter(byte delimiter) {
        return new CsvFormat(header, labelColumn, delimiter);
    }

    /** Whether records carry a label, i.e. {@link #labelColumn()} is not {@link #NO_LABEL}. */
    @Override
    public boolean labeled() {
        return labelColumn != NO_LABEL;
    }

    /** False: CSV records are dense. */
    @Override
    public boolean sparse() {
        return false;
    }

    /**
     * A {@link CsvSplitReader} expecting {@code schema.features()} feature columns, plus the label column if this
     * format has one (only the schema's feature count is used).
     */
    @Override
    public CsvSplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new CsvSplitReader(split, this, schema.features() + (labeled() ? 1 : 0), maxBadRecords);
    }

    /** A {@link DenseBatch} of {@code schema.features()} features per record. */
    @Override
    public DenseBatch newBatch(int capacity, DataSchema schema) {
        return new DenseBatch(capacity, schema.features());
    }
}
