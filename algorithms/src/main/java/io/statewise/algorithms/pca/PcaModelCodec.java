package io.statewise.algorithms.pca;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link PcaModel}s, tag {@code PCMD}, version 1:
 * <pre>
 *   header (8 bytes)
 *   byte mode (0 regular, 1 randomized, 2 sketch), int k, int dimension d
 *   floats components (int length k*d, then k*d values, row-major)
 *   doubles explained variance (int length k, then k values)
 *   doubles explained variance ratio (int length k, then k values)
 *   floats mean (int length d, then d values)
 * </pre>
 */
public final class PcaModelCodec implements Codec<PcaModel> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("PCMD", 1);

    @Override
    public byte[] encode(PcaModel model) {
        int k = model.numComponents();
        int d = model.featureDimension();
        float[] flat = new float[k * d];
        float[][] components = model.components();
        for (int i = 0; i < k; i++) System.arraycopy(components[i], 0, flat, i * d, d);
        BinaryWriter out = new BinaryWriter(HEADER, 9 + 4 + 4 * flat.length + 8 + 16 * k + 4 + 4 * d);
        out.putByte(PcaMode.of(model.mode()).code()).putInt(k).putInt(d).putFloats(flat);
        out.putDoubles(model.explainedVariance()).putDoubles(model.explainedVarianceRatio()).putFloats(model.mean());
        return out.toByteArray();
    }

    /**
     * Decodes a model.
     *
     * @param bytes an encoding. Not modified.
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public PcaModel decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        PcaMode mode = PcaMode.ofCode(in.getByte());
        int k = in.getInt();
        int d = in.getInt();
        if (mode == null || k < 1 || d < 1 || (long) k * d > Integer.MAX_VALUE) {
            throw new CodecException("PCMD: inconsistent header (mode " + mode + ", k " + k + ", dimension " + d + ")");
        }
        float[] flat = in.getFloats();
        double[] variance = in.getDoubles();
        double[] ratio = in.getDoubles();
        float[] mean = in.getFloats();
        in.expectEnd();
        if (flat.length != k * d) {
            throw new CodecException("PCMD: expected " + k + " x " + d + " component values, found " + flat.length);
        }
        float[][] components = new float[k][d];
        for (int i = 0; i < k; i++) System.arraycopy(flat, i * d, components[i], 0, d);
        try {
            return new PcaModel(components, variance, ratio, mean, mode.parameterValue());
        } catch (IllegalArgumentException e) {
            throw new CodecException("PCMD: " + e.getMessage(), e);
        }
    }
}
