package io.statewise.actors.job;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One data set of a job: files, directories or globs of dense CSV or sparse LibSVM. Carried in the job's first event,
 * so new fields have defaults: an event written before a field existed reads as CSV, 1-based, dimension undeclared.
 *
 * @param paths       files, directories or globs; at least one
 * @param header      whether each file starts with a header line (CSV only)
 * @param labelColumn 0-based column of the label, or -1 for unlabeled data (CSV; LibSVM records start with their label,
 *                    which is column 0)
 * @param format      {@value #CSV} (the default when absent) or {@value #LIBSVM}
 * @param zeroBased   whether LibSVM feature indices start at 0 rather than 1 (LibSVM only; default false)
 * @param features    the feature dimension: required for LibSVM, whose records list only their non-zeros; for CSV an
 *                    optional check of the column count
 */
public record DataInput(List<String> paths, boolean header, int labelColumn, String format, boolean zeroBased,
                        Optional<Integer> features) {

    /** {@link #format()} of dense CSV. */
    public static final String CSV = "csv";
    /** {@link #format()} of sparse LibSVM ({@code label index:value ...}). */
    public static final String LIBSVM = "libsvm";

    public DataInput {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) throw new IllegalArgumentException("a data input needs at least one path");
        if (labelColumn < -1) throw new IllegalArgumentException("labelColumn must be >= -1, got " + labelColumn);
        format = format == null ? CSV : format.trim().toLowerCase(Locale.ROOT);
        if (!format.equals(CSV) && !format.equals(LIBSVM)) {
            throw new IllegalArgumentException("format must be \"csv\" or \"libsvm\", got \"" + format + "\"");
        }
        features = features == null ? Optional.empty() : features;
        if (features.isPresent() && features.get() < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features.get());
        }
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

    /** Whether this input is LibSVM (sparse) rather than CSV (dense). */
    public boolean sparse() {
        return format.equals(LIBSVM);
    }
}
