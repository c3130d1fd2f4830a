package io.statewise.algorithms.data;

import java.io.InputStream;
import java.util.Locale;

/**
 * Readers of dense numeric records that arrive as a stream rather than a file (records posted to an online job over
 * HTTP), in the syntaxes a client may post: CSV, as the batch readers read it, or JSON Lines
 * ({@link JsonRecordReader}).
 * The stream is read as it arrives, through the same allocation-free line and number parsing as files, and errors
 * name the stream, the line and the field as they name a file's.
 */
public final class RecordStreams {

    /** How posted records are written. */
    public enum Syntax {
        /** Comma-separated numbers, one record per line, the label (if any) in the job's label column. */
        CSV,
        /** One JSON array of features, or object {@code {"features": [...], "label": x}}, per line. */
        JSON_LINES;

        /** Lower-case name for messages: {@code csv} or {@code json_lines}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private RecordStreams() {}

    /**
     * A reader of the records of {@code stream}.
     *
     * @param name          names the stream in error messages (as a file name would be)
     * @param stream        the bytes; closed with the reader
     * @param schema        dense: every record has {@code schema.features()} features, and a label if labeled
     * @param labelColumn   CSV: the label's 0-based column when the schema is labeled
     * @param maxBadRecords bad records the reader may skip before it throws; 0 makes the first bad record throw
     * @throws IllegalArgumentException for a sparse, text or series schema
     */
    public static SplitReader open(Syntax syntax, String name, InputStream stream, DataSchema schema, int labelColumn,
                                   long maxBadRecords) {
        if (schema.sparse() || schema.kind() != InputKind.NUMERIC) {
            throw new IllegalArgumentException("records streams are dense numeric records, not " + schema);
        }
        Split whole = new Split(0, name, 0, Long.MAX_VALUE, true);
        if (syntax == Syntax.JSON_LINES) return new JsonRecordReader(whole, stream, schema.labeled(), maxBadRecords);
        CsvFormat format = CsvFormat.defaults().withLabelColumn(schema.labeled() ? labelColumn : CsvFormat.NO_LABEL);
        return new CsvSplitReader(whole, format, schema.features() + (schema.labeled() ? 1 : 0), maxBadRecords,
                stream);
    }
}
