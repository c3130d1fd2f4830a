package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link KMeansState}s, tag {@code KMST}, version 1:
 * <pre>
 *   header (8 bytes)
 *   int capacity K, int dimension d, int filled, long records, long rng state
 *   doubles centers (int length K*d, then K*d values, row-major)
 *   doubles weights (int length K, then K values)
 * </pre>
 * Every center slot is written, used or not, so the size depends only on {@code K} and {@code d}. The per-update
 * scratch of a state is not encoded.
 */
public final class KMeansStateCodec implements Codec<KMeansState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("KMST", 1);

    /** The encoded size of a state of {@code capacity} centers of dimension {@code d}, in bytes. */
    public static long encodedSize(int capacity, int d) {
        return CodecHeader.SIZE + 4 + 4 + 4 + 8 + 8 + 4 + 8L * capacity * d + 4 + 8L * capacity;
    }

    @Override
    public byte[] encode(KMeansState s) {
        BinaryWriter out = new BinaryWriter(HEADER, (int) Math.min(Integer.MAX_VALUE - 64,
                encodedSize(s.capacity(), s.dimension())));
        out.putInt(s.capacity()).putInt(s.dimension()).putInt(s.filled).putLong(s.records).putLong(s.rngState);
        out.putDoubles(s.centers).putDoubles(s.weights);
        return out.toByteArray();
    }

    /**
     * Decodes a state.
     *
     * @param bytes an encoding. Not modified.
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public KMeansState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int capacity = in.getInt();
        int d = in.getInt();
        int filled = in.getInt();
        long records = in.getLong();
        long rngState = in.getLong();
        if (capacity < 1 || d < 1 || (long) capacity * d > Integer.MAX_VALUE || filled < 0 || filled > capacity
                || records < 0) {
            throw new CodecException("KMST: inconsistent header (capacity " + capacity + ", dimension " + d
                    + ", filled " + filled + ", records " + records + ")");
        }
        double[] centers = in.getDoubles();
        double[] weights = in.getDoubles();
        in.expectEnd();
        if (centers.length != capacity * d || weights.length != capacity) {
            throw new CodecException("KMST: expected " + capacity + " x " + d + " centers and " + capacity
                    + " weights, found " + centers.length + " and " + weights.length + " values");
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new CodecException("KMST: invalid weight " + w);
        }
        KMeansState s = new KMeansState(capacity, d, rngState);
        System.arraycopy(centers, 0, s.centers, 0, centers.length);
        System.arraycopy(weights, 0, s.weights, 0, weights.length);
        s.filled = filled;
        s.records = records;
        return s;
    }
}
