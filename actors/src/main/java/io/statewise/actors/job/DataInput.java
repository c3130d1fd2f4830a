package io.statewise.actors.job;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One data set of a job: files, directories or globs of dense CSV, sparse LibSVM, text documents or time series.
 * Carried in the job's first event, so new fields have defaults: an event written before a field existed reads as CSV,
 * 1-based, dimension undeclared, no text options.
 *
 * @param paths       files, directories or globs; at least one (the planner checks), none for the records of an
 *                    online job. For {@value #TEXT_FILES}: directories of documents (or single document files)
 * @param header      whether each file starts with a header line (CSV and {@value #TEXT_CSV} only)
 * @param labelColumn 0-based column of the label, or -1 for unlabeled data (CSV; LibSVM records start with their label,
 *                    which is column 0; text has no label, so 0, the default, or -1)
 * @param format      {@value #CSV} (the default when absent), {@value #LIBSVM}, {@value #TEXT} (one document per
 *                    line), {@value #TEXT_FILES} (one document per file), {@value #TEXT_CSV} (one per record, from a
 *                    column), {@value #JSONLINES} or {@value #SERIES_CSV} (time series)
 * @param zeroBased   whether LibSVM feature indices start at 0 rather than 1 (LibSVM only; default false)
 * @param features    the feature dimension: required for LibSVM, whose records list only their non-zeros; for CSV an
 *                    optional check of the column count; not for text
 * @param text        text formats only: the CSV column and the tokenizer's options; absent means the defaults
 */
public record DataInput(List<String> paths, boolean header, int labelColumn, String format, boolean zeroBased,
                        Optional<Integer> features, Optional<TextOptions> text) {

    /** {@link #format()} of dense CSV. */
    public static final String CSV = "csv";
    /** {@link #format()} of sparse LibSVM ({@code label index:value ...}). */
    public static final String LIBSVM = "libsvm";
    /** {@link #format()} of text, one document per line. */
    public static final String TEXT = "text";
    /** {@link #format()} of text, one document per file of a directory. */
    public static final String TEXT_FILES = "text_files";
    /** {@link #format()} of text, one document per CSV record, from one column. */
    public static final String TEXT_CSV = "text_csv";
    /** {@link #format()} of time series, SageMaker DeepAR's JSON Lines (one series object per line). */
    public static final String JSONLINES = "jsonlines";
    /** {@link #format()} of time series as a long CSV of {@code series,timestamp,value} rows. */
    public static final String SERIES_CSV = "series_csv";
    /** Every format name, in the order messages list them. */
    public static final List<String> FORMATS = List.of(CSV, LIBSVM, TEXT, TEXT_FILES, TEXT_CSV, JSONLINES, SERIES_CSV);

    public DataInput {
        paths = List.copyOf(paths);
        if (labelColumn < -1) throw new IllegalArgumentException("labelColumn must be >= -1, got " + labelColumn);
        format = format == null ? CSV : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + String.join(", ", FORMATS) + "; got \""
                    + format + "\"");
        }
        features = features == null ? Optional.empty() : features;
        if (features.isPresent() && features.get() < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features.get());
        }
        text = text == null ? Optional.empty() : text;
    }

    /** A CSV or LibSVM input. */
    public DataInput(List<String> paths, boolean header, int labelColumn, String format, boolean zeroBased,
                     Optional<Integer> features) {
        this(paths, header, labelColumn, format, zeroBased, features, Optional.empty());
    }

    /** A CSV input. */
    public DataInput(List<String> paths, boolean header, int labelColumn) {
        this(paths, header, labelColumn, CSV, false, Optional.empty());
    }

    /** Headerless CSV, label in the first column. */
    public static DataInput csv(String... paths) {
        return new DataInput(List.of(paths), false, 0);
    }

    /** LibSVM with 1-based indices and {@code features} features. */
    public static DataInput libsvm(int features, String... paths) {
        return new DataInput(List.of(paths), false, 0, LIBSVM, false, Optional.of(features));
    }

    /** Text of {@code format} ({@value #TEXT}, {@value #TEXT_FILES} or {@value #TEXT_CSV}) with {@code options}. */
    public static DataInput text(String format, TextOptions options, String... paths) {
        return new DataInput(List.of(paths), false, 0, format, false, Optional.empty(), Optional.of(options));
    }

    /** Whether this input is LibSVM (sparse) rather than CSV (dense). */
    public boolean sparse() {
        return format.equals(LIBSVM);
    }

    /** Whether this input is text documents. */
    public boolean textFormat() {
        return isText(format);
    }

    /** Whether this input is time series. */
    public boolean seriesFormat() {
        return format.equals(JSONLINES) || format.equals(SERIES_CSV);
    }

    /** Whether {@code format} names a text format. */
    static boolean isText(String format) {
        return format.equals(TEXT) || format.equals(TEXT_FILES) || format.equals(TEXT_CSV);
    }
}
