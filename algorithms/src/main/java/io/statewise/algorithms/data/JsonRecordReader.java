package io.statewise.algorithms.data;

import java.io.InputStream;

/**
 * Reads dense numeric records written as JSON Lines into reusable {@link DenseBatch}es: one record per line, either a
 * bare array of features ({@code [0.5, 1, -2]}) or an object with a {@code features} array and, for labeled data, a
 * numeric {@code label} ({@code {"features": [0.5, 1, -2], "label": 1}}, keys in any order). Blank lines are skipped.
 * Like {@link CsvSplitReader} it allocates nothing per record: numbers are parsed straight from the line's bytes.
 *
 * <p>A record is bad when it is not one of those shapes, has another number of features than the schema, a field
 * other than {@code features} and {@code label}, or a value that is not a finite float. Errors read
 * {@code <name>:<line>:<feature>: <what>} (the feature's 1-based position; no position for the record as a whole),
 * and follow the {@code maxBadRecords} rule of {@link SplitReader}.
 *
 * <p>Not thread-safe: one reader per stream per thread.
 */
public final class JsonRecordReader extends LineSplitReader {

    private static final byte[] FEATURES = {'"', 'f', 'e', 'a', 't', 'u', 'r', 'e', 's', '"'};
    private static final byte[] LABEL = {'"', 'l', 'a', 'b', 'e', 'l', '"'};

    private final boolean labeled;
    private final FloatParser parser = new FloatParser();
    /** Where the current line is: the next byte to read. */
    private int p;
    /** The error of the current bad record: what, and the 1-based feature (0: the whole record). */
    private String error;
    private int errorFeature;

    /**
     * Reads a stream of JSON Lines records as they arrive ({@link SplitLines#SplitLines(Split, InputStream, boolean)}).
     *
     * @param split  names the stream in error messages; must be {@code compressed} (a stream has no byte offsets)
     * @param stream the bytes; closed by {@link #close()}
     * @param labeled whether every record carries a {@code label}
     */
    public JsonRecordReader(Split split, InputStream stream, boolean labeled, long maxBadRecords) {
        super(split, new SplitLines(split, stream, true), maxBadRecords);
        this.labeled = labeled;
    }

    @Override
    public boolean next(Batch batch) {
        if (!(batch instanceof DenseBatch dense)) {
            throw new IllegalArgumentException("JSON Lines records fill dense batches, not "
                    + batch.getClass().getSimpleName());
        }
        dense.clear();
        while (dense.size() < dense.capacity() && lines.next()) {
            p = lines.from;
            skipBlanks();
            if (p == lines.to) continue;
            if (parseRecord(dense)) {
                dense.commitRecord();
                records++;
            } else {
                badRecords.spend(new DataFormatException(split.path(), lines.lineNumber(), errorFeature, error));
            }
        }
        return dense.size() > 0;
    }

    /** Parses the current line into the batch's next row; on a bad record sets the error and returns false. */
    private boolean parseRecord(DenseBatch batch) {
        byte[] b = lines.buf;
        int row = batch.size();
        if (b[p] == '[') return parseFeatures(batch, row) && atEnd();
        if (b[p] != '{') return fail(0, "not a JSON array or object");
        p++;
        boolean sawFeatures = false;
        boolean sawLabel = false;
        skipBlanks();
        if (p < lines.to && b[p] == '}') return fail(0, "no 'features'");
        while (true) {
            if (startsWith(FEATURES) && !sawFeatures) {
                p += FEATURES.length;
                if (!colon() || !parseFeatures(batch, row)) return false;
                sawFeatures = true;
            } else if (startsWith(LABEL) && !sawLabel) {
                p += LABEL.length;
                if (!colon()) return false;
                int q = parser.parse(b, p, lines.to);
                if (q < 0) return fail(0, "label: not a finite number");
                batch.labels()[row] = parser.value();
                p = q;
                sawLabel = true;
            } else {
                return fail(0, "expected a field \"features\" or \"label\" (each once)");
            }
            skipBlanks();
            if (p < lines.to && b[p] == ',') {
                p++;
                skipBlanks();
                continue;
            }
            if (p < lines.to && b[p] == '}') {
                p++;
                break;
            }
            return fail(0, "expected ',' or '}'");
        }
        if (!sawFeatures) return fail(0, "no 'features'");
        if (labeled && !sawLabel) return fail(0, "no 'label' (the job's records are labeled)");
        return atEnd();
    }

    /** Parses {@code [x1, ..., xd]} at {@link #p} into row {@code row}. */
    private boolean parseFeatures(DenseBatch batch, int row) {
        byte[] b = lines.buf;
        int end = lines.to;
        if (p >= end || b[p] != '[') return fail(0, "'features' must be an array of numbers");
        p++;
        int d = batch.dimension();
        float[] features = batch.features();
        int offset = batch.offset(row);
        int n = 0;
        skipBlanks();
        if (p < end && b[p] == ']') return fail(0, "expected " + d + " features, found 0");
        while (true) {
            skipBlanks();
            int q = parser.parse(b, p, end);
            if (q < 0) return fail(n + 1, "not a finite number");
            if (n < d) features[offset + n] = parser.value();
            n++;
            p = q;
            skipBlanks();
            if (p < end && b[p] == ',') {
                p++;
            } else if (p < end && b[p] == ']') {
                p++;
                break;
            } else {
                return fail(n, "expected ',' or ']' after the number");
            }
        }
        return n == d || fail(0, "expected " + d + " features, found " + n);
    }

    private boolean colon() {
        skipBlanks();
        if (p >= lines.to || lines.buf[p] != ':') return fail(0, "expected ':' after the field name");
        p++;
        skipBlanks();
        return true;
    }

    private boolean atEnd() {
        skipBlanks();
        return p == lines.to || fail(0, "unexpected characters after the record");
    }

    private boolean startsWith(byte[] token) {
        if (lines.to - p < token.length) return false;
        for (int i = 0; i < token.length; i++) {
            if (lines.buf[p + i] != token[i]) return false;
        }
        return true;
    }

    private void skipBlanks() {
        byte[] b = lines.buf;
        while (p < lines.to && (b[p] == ' ' || b[p] == '\t')) p++;
    }

    private boolean fail(int feature, String what) {
        errorFeature = feature;
        error = feature > 0 ? "feature " + feature + ": " + what : what;
        return false;
    }

}
