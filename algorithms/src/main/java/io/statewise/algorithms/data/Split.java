package io.statewise.algorithms.data;

/**
 * A unit of work for one worker: a byte range of one input file that starts and ends on record boundaries, so it can
 * be read independently of the others. A gzip file cannot be entered in the middle and is always one whole split.
 * Splits are recorded in persisted events, hence the plain fields only. For a directory of documents
 * ({@link TextFilesFormat}) the path names the directory and {@code [start, end)} are positions in its sorted listing.
 *
 * @param id         position of the split in its plan, 0-based
 * @param path       the file, as given to the planner
 * @param start      offset of the split's first byte in the file
 * @param end        offset just past the split's last byte (for a compressed split: the file's length)
 * @param compressed whether the file is gzip-compressed (then {@code start == 0} and the whole file is the split)
 */
public record Split(int id, String path, long start, long end, boolean compressed) {

    public Split {
        if (id < 0) throw new IllegalArgumentException("id must be >= 0, got " + id);
        if (path == null || path.isEmpty()) throw new IllegalArgumentException("path is required");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid byte range [" + start + ", " + end + ") of " + path);
        }
        if (compressed && start != 0) {
            throw new IllegalArgumentException("a compressed split must start at 0: " + path + " @" + start);
        }
    }

    /** Bytes the split covers in its (possibly compressed) file. */
    public long length() {
        return end - start;
    }
}
