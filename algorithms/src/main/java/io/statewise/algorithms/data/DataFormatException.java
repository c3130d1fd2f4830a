package io.statewise.algorithms.data;

/**
 * A malformed record, located precisely so that a user can open the file at the right place. The message reads
 * {@code <file>:<line>:<column>: <what>} (the column is left out when the problem concerns the whole record), e.g.
 * {@code data.csv:17:4: not a number: 'abc'} or {@code data.csv:9: expected 51 columns, found 50}. The column is the
 * CSV field number for CSV and the byte column of the offending token for LibSVM
 * ({@code data.svm:3:18: duplicate feature index 7}), where field numbers would be of little help on long lines.
 */
public final class DataFormatException extends DataException {
    private final String file;
    private final long line;
    private final int column;
    private final String what;

    /**
     * A malformed record.
     *
     * @param file   the file as the split names it
     * @param line   1-based line number in the whole file (not in the split)
     * @param column 1-based CSV column or LibSVM byte column, or 0 when the problem is not about one column
     * @param what   what is wrong, without the location
     */
    public DataFormatException(String file, long line, int column, String what) {
        super(format(file, line, column, what));
        this.file = file;
        this.line = line;
        this.column = column;
        this.what = what;
    }

    private static String format(String file, long line, int column, String what) {
        return column > 0 ? file + ":" + line + ":" + column + ": " + what : file + ":" + line + ": " + what;
    }

    /** The file as the split names it. */
    public String file() {
        return file;
    }

    /** 1-based line number in the whole file. */
    public long line() {
        return line;
    }

    /**
     * 1-based CSV column (field number) or LibSVM byte column (of the offending token), or 0 when the problem concerns
     * the whole record (e.g. a wrong column count).
     */
    public int column() {
        return column;
    }

    /** What is wrong, without the location prefix (e.g. {@code NaN is not allowed}). */
    public String what() {
        return what;
    }
}
