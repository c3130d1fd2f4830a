package io.statewise.algorithms.pca;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link PcaState}s, tag {@code PCST}, version 1:
 * <pre>
 *   header (8 bytes)
 *   byte mode (0 regular, 1 randomized, 2 sketch), int dimension d, int sketch rows (d, m or l)
 *   long records, double sum of squared norms
 *   doubles sum of the rows (int length d, then d values)
 *   regular:    doubles scatter matrix, upper triangle row by row (int length d(d+1)/2, then the values)
 *   randomized: long sign seed, doubles sketch (int length m*d, then m*d values, row-major),
 *               doubles sign sums (int length m, then m values)
 *   sketch:     int rows in use, doubles buffer (int length 2l*d, then 2l*d values, row-major; unused rows zero)
 * </pre>
 * Every value is written, used or not, so the size depends only on the mode, {@code d} and the sketch rows. The
 * summaries' update scratch is not encoded.
 */
public final class PcaStateCodec implements Codec<PcaState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("PCST", 1);

    private static final long COMMON = CodecHeader.SIZE + 1 + 4 + 4 + 8 + 8;

    /** The encoded size of {@code state}, in bytes: a function of its mode, dimension and sketch rows only. */
    static long encodedSize(PcaState state) {
        return encodedSize(state.mode(), state.dimension(), sketchRows(state.summary));
    }

    /** The encoded size of a state of {@code mode}, {@code d} features and {@code rows} sketch rows, in bytes. */
    static long encodedSize(PcaMode mode, int d, int rows) {
        long common = COMMON + 4 + 8L * d;
        return common + switch (mode) {
            case REGULAR -> 4 + 8 * ExactScatter.packedLength(d);
            case RANDOMIZED -> 8 + 4 + 8L * rows * d + 4 + 8L * rows;
            case SKETCH -> 4 + 4 + 16L * rows * d;
        };
    }

    private static int sketchRows(CovarianceSummary summary) {
        if (summary instanceof ExactScatter s) return s.dimension();
        if (summary instanceof SignSketch s) return s.sketchRows();
        return ((FrequentDirections) summary).sketchRows();
    }

    @Override
    public byte[] encode(PcaState s) {
        int rows = sketchRows(s.summary);
        BinaryWriter out = new BinaryWriter(HEADER,
                (int) Math.min(Integer.MAX_VALUE - 64, encodedSize(s.mode(), s.dimension(), rows)));
        out.putByte(s.mode().code()).putInt(s.dimension()).putInt(rows).putLong(s.records).putDouble(s.sumSquares);
        out.putDoubles(s.sum);
        if (s.summary instanceof ExactScatter e) {
            out.putDoubles(e.packed);
        } else if (s.summary instanceof SignSketch r) {
            out.putLong(r.signSeed).putDoubles(r.sketch).putDoubles(r.signSums);
        } else {
            FrequentDirections f = (FrequentDirections) s.summary;
            out.putInt(f.filled).putDoubles(f.rows);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a state.
     *
     * @param bytes an encoding. Not modified.
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public PcaState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int code = in.getByte();
        PcaMode mode = PcaMode.ofCode(code);
        int d = in.getInt();
        int rows = in.getInt();
        long records = in.getLong();
        double sumSquares = in.getDouble();
        if (mode == null || d < 1 || rows < 1 || records < 0 || !(sumSquares >= 0)
                || (mode == PcaMode.REGULAR && (rows != d || ExactScatter.packedLength(d) > Integer.MAX_VALUE))
                || (mode == PcaMode.SKETCH && (rows > d || 2L * rows * d > Integer.MAX_VALUE))
                || (mode == PcaMode.RANDOMIZED && (long) rows * d > Integer.MAX_VALUE)) {
            throw new CodecException("PCST: inconsistent header (mode " + code + ", dimension " + d + ", rows " + rows
                    + ", records " + records + ")");
        }
        double[] sum = expect(in.getDoubles(), d, "sum");
        CovarianceSummary summary;
        switch (mode) {
            case REGULAR -> {
                double[] packed = expect(in.getDoubles(), (int) ExactScatter.packedLength(d), "scatter matrix");
                ExactScatter e = new ExactScatter(d);
                System.arraycopy(packed, 0, e.packed, 0, packed.length);
                summary = e;
            }
            case RANDOMIZED -> {
                long seed = in.getLong();
                double[] sketch = expect(in.getDoubles(), rows * d, "sketch");
                double[] signSums = expect(in.getDoubles(), rows, "sign sums");
                SignSketch r = new SignSketch(rows, d, seed);
                System.arraycopy(sketch, 0, r.sketch, 0, sketch.length);
                System.arraycopy(signSums, 0, r.signSums, 0, rows);
                summary = r;
            }
            default -> {
                int filled = in.getInt();
                double[] buffer = expect(in.getDoubles(), 2 * rows * d, "sketch buffer");
                if (filled < 0 || filled >= 2 * rows) {
                    throw new CodecException("PCST: " + filled + " sketch rows in use, at most " + (2 * rows - 1));
                }
                FrequentDirections f = new FrequentDirections(rows, d);
                System.arraycopy(buffer, 0, f.rows, 0, buffer.length);
                f.filled = filled;
                summary = f;
            }
        }
        in.expectEnd();
        PcaState s = new PcaState(mode, d, summary);
        System.arraycopy(sum, 0, s.sum, 0, d);
        s.sumSquares = sumSquares;
        s.records = records;
        return s;
    }

    private static double[] expect(double[] values, int length, String what) {
        if (values.length != length) {
            throw new CodecException("PCST: expected " + length + " values of the " + what + ", found "
                    + values.length);
        }
        return values;
    }
}
