package io.statewise.algorithms.kmeans;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link KMeansModel}s, tag {@code KMMD}, version 1:
 * <pre>
 *   header (8 bytes)
 *   int k, int dimension d
 *   floats centers (int length k*d, then k*d values, row-major)
 * </pre>
 */
public final class KMeansModelCodec implements Codec<KMeansModel> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("KMMD", 1);

    @Override
    public byte[] encode(KMeansModel model) {
        int k = model.k();
        int d = model.featureDimension();
        float[] flat = new float[k * d];
        float[][] centers = model.centers();
        for (int j = 0; j < k; j++) System.arraycopy(centers[j], 0, flat, j * d, d);
        BinaryWriter out = new BinaryWriter(HEADER, 12 + 4 * flat.length);
        out.putInt(k).putInt(d).putFloats(flat);
        return out.toByteArray();
    }

    /**
     * Decodes a model.
     *
     * @param bytes an encoding. Not modified.
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public KMeansModel decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int k = in.getInt();
        int d = in.getInt();
        if (k < 1 || d < 1 || (long) k * d > Integer.MAX_VALUE) {
            throw new CodecException("KMMD: inconsistent header (k " + k + ", dimension " + d + ")");
        }
        float[] flat = in.getFloats();
        in.expectEnd();
        if (flat.length != k * d) {
            throw new CodecException("KMMD: expected " + k + " x " + d + " values, found " + flat.length);
        }
        float[][] centers = new float[k][d];
        for (int j = 0; j < k; j++) System.arraycopy(flat, j * d, centers[j], 0, d);
        try {
            return new KMeansModel(centers);
        } catch (IllegalArgumentException e) {
            throw new CodecException("KMMD: " + e.getMessage(), e);
        }
    }
}
