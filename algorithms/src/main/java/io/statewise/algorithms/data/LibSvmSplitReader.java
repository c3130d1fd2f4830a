package io.statewise.algorithms.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the records of one {@link Split} of a LibSVM (SVMlight) file into reusable {@link SparseBatch}es, with the
 * same discipline as {@link CsvSplitReader}: bytes go through one reusable buffer ({@link SplitLines}), numbers are
 * parsed straight from bytes by a {@link FloatParser}, and nothing is allocated per record or per non-zero (the batch's
 * arrays grow to the largest batch, then are reused). Objects are created only when a record is bad. Splits are the
 * line-aligned byte ranges of {@link SplitPlanner}; a gzip file is one split.
 *
 * <p>Syntax, one record per line: {@code <label> <index>:<value> <index>:<value> ... [# comment]}. Tokens are
 * separated by spaces or tabs. The label is any finite float ({@code 1}, {@code -1}, {@code +1}, {@code 0.5}). Indices
 * are decimal integers, 1-based unless the format is {@link LibSvmFormat#zeroBased() zero-based}, strictly increasing
 * within a record, and converted to 0-based indices in the batch; values are finite floats (explicit zeros are kept).
 * A record may have no non-zero (an all-zero vector). {@code #} starts a comment that runs to the end of the line;
 * empty lines and comment-only lines are not records. A {@code qid:<n>} token directly after the label (SVMlight's
 * query id, for ranking) is skipped: no algorithm here uses it. CRLF line ends, trailing blanks, a missing final
 * newline and a UTF-8 byte order mark are accepted.
 *
 * <p>A record is bad when its label or a value is not a finite float, a token is not {@code index:value}, an index is
 * negative, below the first index (0 in 1-based data), at or beyond the feature dimension, or not greater than the
 * previous index of the record (unsorted or duplicated), or a {@code qid} is misplaced or not an integer. Errors read
 * {@code file:line:column: what}, where the column is the 1-based <em>byte</em> column of the offending token on its
 * line (for a bad value: of the value, after the {@code ':'}), so that an editor jumps straight to it; {@code what}
 * quotes the token. {@code maxBadRecords} works as for CSV: 0 throws the first bad record's
 * {@link DataFormatException}; otherwise bad records are skipped and counted, and the reader throws a
 * {@link DataException} once its own count exceeds {@code maxBadRecords}.
 *
 * <p>Not thread-safe: one reader per split per thread. I/O errors surface as {@link UncheckedIOException}; a corrupt
 * or truncated gzip file as a {@link DataException}.
 */
public final class LibSvmSplitReader extends LineSplitReader {

    private static final int MAX_QUOTED_TOKEN = 64;
    /** Index digits beyond which an index cannot be below any int feature dimension (and the long could overflow). */
    private static final int MAX_INDEX_DIGITS = 10;

    // Error kinds of a token; FloatParser's negative codes are used for values and labels.
    private static final int ERR_LABEL = 1;
    private static final int ERR_TOKEN = 2;
    private static final int ERR_INDEX_RANGE = 3;
    private static final int ERR_INDEX_ORDER = 4;
    private static final int ERR_QID = 5;

    private final LibSvmFormat format;
    private final int features;
    private final int firstIndex;
    private final FloatParser parser = new FloatParser();

    /** Offset of the current record's first non-blank byte: lines' {@code from} is kept for byte columns. */
    private int recordFrom;

    private int errorKind;
    private int errorFrom;
    private boolean errorInLabel;
    private int errorPrevious;

    /**
     * Opens a split for reading.
     *
     * @param split         the byte range to read; its file must exist
     * @param format        the index base
     * @param features      the feature dimension, at least 1: every 0-based index must be below it
     * @param maxBadRecords bad records this reader may skip before it throws; 0 makes the first bad record throw
     * @throws UncheckedIOException if the file cannot be opened
     */
    public LibSvmSplitReader(Split split, LibSvmFormat format, int features, long maxBadRecords) {
        super(split, openLines(split, features), maxBadRecords);
        this.format = format;
        this.features = features;
        this.firstIndex = format.firstIndex();
    }

    /** The split's lines, once the dimension is known to be valid (a bad argument leaves no file open). */
    private static SplitLines openLines(Split split, int features) {
        if (features < 1) throw new IllegalArgumentException("features must be >= 1, got " + features);
        return new SplitLines(split, true);
    }

    /**
     * The common schema of LibSVM files of a declared dimension, after checking that the first record of each file
     * parses (so that a wrong index base or dimension fails at submission, not in the middle of training). Reads one
     * record per file. Files without any record are skipped.
     *
     * @param files    LibSVM files, gzip-compressed if their name ends in {@code .gz}. Not modified.
     * @param format   the index base
     * @param features the declared feature dimension, at least 1
     * @throws DataFormatException if a first record is bad
     * @throws DataException       if no file has a record or a file cannot be read
     */
    public static DataSchema probe(List<Path> files, LibSvmFormat format, int features) {
        if (files.isEmpty()) throw new IllegalArgumentException("no files to probe");
        boolean any = false;
        for (Path file : files) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (size == 0) continue;
            Split whole = new Split(0, file.toString(), 0, size, SplitPlanner.isGzip(file));
            try (LibSvmSplitReader reader = new LibSvmSplitReader(whole, format, features, 0)) {
                any |= reader.next(new SparseBatch(1, features));
            }
        }
        if (!any) {
            throw new DataException(files.size() == 1 ? "no record in " + files.get(0)
                    : "no record in any of " + files.size() + " files, e.g. " + files.get(0));
        }
        return format.schema(features);
    }

    /**
     * {@link #next(SparseBatch)} for a batch seen through the format-independent interface.
     *
     * @throws IllegalArgumentException if {@code batch} is not a {@link SparseBatch}
     */
    @Override
    public boolean next(Batch batch) {
        if (batch instanceof SparseBatch sparse) return next(sparse);
        throw new IllegalArgumentException("a LibSVM reader fills sparse batches, not "
                + batch.getClass().getSimpleName() + " (" + split.path() + ")");
    }

    /**
     * Clears {@code batch} and fills it with up to {@code batch.capacity()} records of this split: non-zeros in CSR
     * form with 0-based indices, labels in {@link SparseBatch#labels()}.
     *
     * @param batch reused across calls; its dimension must equal the reader's feature dimension. Modified.
     * @return false if the split had no more records (the batch is then empty)
     * @throws DataFormatException on a bad record when {@code maxBadRecords == 0}
     * @throws DataException       when the bad records exceed {@code maxBadRecords}
     */
    public boolean next(SparseBatch batch) {
        if (batch.dimension() != features) {
            throw new IllegalArgumentException("batch dimension " + batch.dimension() + " does not match the "
                    + features + " features of " + split.path());
        }
        batch.clear();
        int capacity = batch.capacity();
        while (batch.size() < capacity && nextRecordLine()) {
            if (parseRecord(batch)) {
                records++;
            } else {
                badRecord(); // the record's non-zeros were written past the batch's count: nothing to undo
            }
        }
        return batch.size() > 0;
    }

    /** The index base being read. */
    public LibSvmFormat format() {
        return format;
    }

    /** The feature dimension: every 0-based index is below it. */
    public int features() {
        return features;
    }

    // ---------------------------------------------------------------- records

    /** Advances to the next line holding a record (not empty, not only a comment); false at the end of the split. */
    private boolean nextRecordLine() {
        while (lines.next()) {
            byte[] b = lines.buf;
            int p = lines.from;
            int end = lines.to;
            while (p < end && isBlank(b[p])) p++;
            if (p < end && b[p] != '#') {
                recordFrom = p;
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    /** Whether a token ends before {@code c}: a blank or a comment. */
    private static boolean isTokenEnd(byte c) {
        return c == ' ' || c == '\t' || c == '#';
    }

    /**
     * Parses the current line into the batch's next record; on a bad record records the error's kind and place and
     * returns false (the caller abandons the record's non-zeros).
     */
    private boolean parseRecord(SparseBatch batch) {
        byte[] b = lines.buf;
        int end = lines.to;
        int p = recordFrom;
        int q = parser.parse(b, p, end);
        if (q < 0) return fail(q == FloatParser.NOT_A_NUMBER ? ERR_LABEL : q, p, true);
        if (q < end && !isTokenEnd(b[q])) return fail(ERR_LABEL, p, true);
        float label = parser.value();
        // A non-zero takes at least 4 bytes ("1:2 "), so this bounds the record's non-zeros: no check per non-zero.
        batch.reserve((end - q) / 4 + 1);
        int[] indices = batch.indices();
        float[] values = batch.values();
        int n = batch.nonZeros();
        int dimension = features;
        int base = firstIndex;
        int previous = -1;
        boolean first = true;
        p = q;
        while (true) {
            while (p < end && isBlank(b[p])) p++;
            if (p == end || b[p] == '#') break;
            int token = p;
            long index = 0;
            while (p < end) {
                int digit = b[p] - '0';
                if (digit < 0 || digit > 9) break;
                index = index * 10 + digit;
                p++;
            }
            if (p == token || p == end || b[p] != ':') {
                if (first && isQid(b, token, end)) {
                    p = skipQid(b, token, end);
                    if (p < 0) return fail(ERR_QID, token, false);
                    first = false;
                    continue;
                }
                return fail(ERR_TOKEN, token, false);
            }
            if (p - token > MAX_INDEX_DIGITS) index = Long.MAX_VALUE;
            int value = p + 1;
            q = parser.parse(b, value, end);
            if (q < 0) return fail(q, value, false);
            if (q < end && !isTokenEnd(b[q])) return fail(FloatParser.NOT_A_NUMBER, value, false);
            long i = index - base;
            if (i < 0 || i >= dimension) return fail(ERR_INDEX_RANGE, token, false);
            if (i <= previous) {
                errorPrevious = previous;
                return fail(ERR_INDEX_ORDER, token, false);
            }
            indices[n] = (int) i;
            values[n] = parser.value();
            n++;
            previous = (int) i;
            first = false;
            p = q;
        }
        batch.commitRecord(label, n);
        return true;
    }

    private static boolean isQid(byte[] b, int p, int end) {
        return end - p >= 4 && b[p] == 'q' && b[p + 1] == 'i' && b[p + 2] == 'd' && b[p + 3] == ':';
    }

    /**
     * The offset just past a {@code qid:<digits>} token at {@code p}, or -1 if its id is not a non-negative integer.
     */
    private static int skipQid(byte[] b, int p, int end) {
        int q = p + 4;
        int digits = q;
        while (q < end && b[q] >= '0' && b[q] <= '9') q++;
        if (q == digits || (q < end && !isTokenEnd(b[q]))) return -1;
        return q;
    }

    private boolean fail(int kind, int from, boolean inLabel) {
        errorKind = kind;
        errorFrom = from;
        errorInLabel = inLabel;
        return false;
    }

    // ---------------------------------------------------------------- errors

    private void badRecord() {
        badRecords.spend(currentError());
    }

    /** The exception describing the bad record just parsed; built only when needed. */
    private DataFormatException currentError() {
        int column = errorFrom - lines.from + 1;
        String what = errorInLabel ? labelError() : switch (errorKind) {
            case ERR_TOKEN -> tokenError();
            case ERR_QID -> "qid must be a non-negative integer: '" + tokenText(errorFrom) + "'";
            case ERR_INDEX_RANGE -> rangeError();
            case ERR_INDEX_ORDER -> orderError();
            case FloatParser.NAN -> "NaN is not allowed: '" + tokenText(tokenStart(errorFrom)) + "'";
            case FloatParser.INFINITY -> "infinity is not allowed: '" + tokenText(tokenStart(errorFrom)) + "'";
            case FloatParser.OUT_OF_RANGE -> "value out of float range: '" + tokenText(tokenStart(errorFrom)) + "'";
            default -> errorFrom == lines.to || isTokenEnd(lines.buf[errorFrom])
                    ? "missing value after ':' in '" + tokenText(tokenStart(errorFrom)) + "'"
                    : "value is not a number: '" + tokenText(tokenStart(errorFrom)) + "'";
        };
        return new DataFormatException(split.path(), lines.lineNumber(), column, what);
    }

    private String labelError() {
        String token = tokenText(errorFrom);
        return switch (errorKind) {
            case FloatParser.NAN -> "label NaN is not allowed";
            case FloatParser.INFINITY -> "label infinity is not allowed";
            case FloatParser.OUT_OF_RANGE -> "label out of float range: '" + token + "'";
            default -> token.indexOf(':') >= 0
                    ? "missing label: a record starts with its label, not '" + token + "'"
                    : "label is not a number: '" + token + "'";
        };
    }

    /** A token that is not {@code <digits>:<value>}: says which part is wrong. */
    private String tokenError() {
        String token = tokenText(errorFrom);
        int colon = token.indexOf(':');
        if (colon < 0) return "missing ':' in '" + token + "' (expected index:value)";
        String index = token.substring(0, colon);
        if (index.equals("qid")) return "qid must directly follow the label: '" + token + "'";
        if (index.length() > 1 && index.charAt(0) == '-' && index.substring(1).chars().allMatch(Character::isDigit)) {
            return "negative feature index: '" + token + "'";
        }
        return "not a feature index: '" + token + "'";
    }

    private String rangeError() {
        String index = indexText(errorFrom);
        int last = features - 1 + firstIndex;
        if (firstIndex == 1 && index.chars().allMatch(c -> c == '0')) {
            return "feature index 0 is out of range: indices are 1-based, from 1 to " + last
                    + " (declare zero-based indexing for 0-based data)";
        }
        return "feature index " + index + " is out of range: the data has " + features
                + (features == 1 ? " feature" : " features") + ", indices " + firstIndex + " to " + last;
    }

    private String orderError() {
        String index = indexText(errorFrom);
        long previous = (long) errorPrevious + firstIndex;
        if (Long.parseLong(index) == previous) return "duplicate feature index " + index;
        return "feature indices must be strictly increasing: " + index + " after " + previous;
    }

    /** The start of the token holding offset {@code p} on the current line. */
    private int tokenStart(int p) {
        byte[] b = lines.buf;
        while (p > lines.from && !isBlank(b[p - 1])) p--;
        return p;
    }

    /** The digits of the index of the token at {@code from} (the bytes before its {@code ':'}). */
    private String indexText(int from) {
        String token = tokenText(from);
        int colon = token.indexOf(':');
        return colon < 0 ? token : token.substring(0, colon);
    }

    /** The token starting at {@code from} on the current line, up to a blank, shortened for messages. */
    private String tokenText(int from) {
        byte[] b = lines.buf;
        int to = from;
        while (to < lines.to && !isBlank(b[to])) to++;
        if (to - from <= MAX_QUOTED_TOKEN) return new String(b, from, to - from, StandardCharsets.UTF_8);
        return new String(b, from, MAX_QUOTED_TOKEN, StandardCharsets.UTF_8) + "...";
    }
}
