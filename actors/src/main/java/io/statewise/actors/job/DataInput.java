package io.statewise.actors.job;

import java.util.List;

/**
 * One data set of a job: files, directories or globs of dense CSV.
 *
 * @param paths       files, directories or globs; at least one
 * @param header      whether each file starts with a header line
 * @param labelColumn 0-based column of the label, or -1 for unlabeled data
 */
public record DataInput(List<String> paths, boolean header, int labelColumn) {

    public DataInput {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) throw new IllegalArgumentException("a data input needs at least one path");
        if (labelColumn < -1) throw new IllegalArgumentException("labelColumn must be >= -1, got " + labelColumn);
    }

    /** Headerless CSV, label in the first column. */
    public static DataInput csv(String... paths) {
        return new DataInput(List.of(paths), false, 0);
    }
}
