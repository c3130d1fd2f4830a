package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One document per record, taken from one column of a CSV file, named in the header or given by position. Quoting
 * follows RFC 4180: a quoted field may hold delimiters, doubled quotes and line breaks. Because a line break may sit
 * inside quotes, planning reads each file once to find record ends ({@link CsvRecordPlanner}); a gzip file is one
 * split. Other columns are skipped without being parsed beyond their quotes.
 *
 * <p>A record without the text column, or with a quoted field left open at the end of the file, is bad: with
 * {@code maxBadRecords == 0} it throws a {@link DataFormatException} naming the file and the record's first line;
 * otherwise it is skipped and counted. Blank lines are not records.
 *
 * @param header      whether the first record of each file is a header (required to name the column)
 * @param columnName  the text column's name in the header, or null to use {@code columnIndex}
 * @param columnIndex the text column's 0-based position, or -1 when it is named
 * @param delimiter   the field delimiter: printable ASCII or tab, not {@code "}
 * @param tokenizer   how fields become tokens
 */
public record TextCsvFormat(boolean header, String columnName, int columnIndex, byte delimiter,
                            TokenizerConfig tokenizer) implements TextFormat {

    public TextCsvFormat {
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (columnName != null) {
            if (columnName.isBlank()) throw new IllegalArgumentException("columnName is blank");
            if (!header) throw new IllegalArgumentException("a column can be named only when files have a header");
            if (columnIndex != -1) {
                throw new IllegalArgumentException("give a column name or an index, not both (index " + columnIndex
                        + ")");
            }
        } else if (columnIndex < 0) {
            throw new IllegalArgumentException("columnIndex must be >= 0 when no column name is given, got "
                    + columnIndex);
        }
        boolean printable = delimiter > ' ' && delimiter < 0x7f;
        if (!(printable || delimiter == '\t') || delimiter == '"') {
            throw new IllegalArgumentException("delimiter cannot be byte " + (delimiter & 0xff)
                    + ": it must be printable ASCII or tab, and not a quote");
        }
    }

    /** The column named {@code name} in each file's header; comma-delimited, English stop words. */
    public static TextCsvFormat column(String name) {
        return new TextCsvFormat(true, name, -1, (byte) ',', TokenizerConfig.english());
    }

    /** The column at 0-based {@code index}; comma-delimited, English stop words. */
    public static TextCsvFormat column(int index, boolean header) {
        return new TextCsvFormat(header, null, index, (byte) ',', TokenizerConfig.english());
    }

    /** This format with another delimiter. */
    public TextCsvFormat withDelimiter(byte delimiter) {
        return new TextCsvFormat(header, columnName, columnIndex, delimiter, tokenizer);
    }

    /** This format with another tokenizer configuration. */
    public TextCsvFormat withTokenizer(TokenizerConfig tokenizer) {
        return new TextCsvFormat(header, columnName, columnIndex, delimiter, tokenizer);
    }

    /** Splits aligned to record ends outside quotes. */
    @Override
    public List<Split> plan(List<Path> inputs, long targetSplitBytes) {
        return CsvRecordPlanner.plan(inputs, targetSplitBytes, delimiter);
    }

    /**
     * A reader of the split; a named column is looked up in the header of the split's file.
     *
     * @throws DataException if the file has no header or the header has no such column
     */
    @Override
    public TextSplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new TextCsvReader(split, this, maxBadRecords);
    }
}
