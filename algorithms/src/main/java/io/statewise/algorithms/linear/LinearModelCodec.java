package io.statewise.algorithms.linear;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link LinearModel}s, tag {@code LLMD}, version 1:
 * <pre>
 *   header (8 bytes)
 *   byte predictor type (0 regressor, 1 binary, 2 multiclass), int outputs C, int dimension d
 *   floats weights (C*d, row by row), floats bias (C)
 *   double threshold, int selected model, double learning rate, double wd, double l1
 *   doubles model losses (M), int diverged count, ints diverged models
 * </pre>
 */
public final class LinearModelCodec implements Codec<LinearModel> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("LLMD", 1);

    @Override
    public byte[] encode(LinearModel model) {
        int c = model.outputs();
        int d = model.featureDimension();
        float[] flat = new float[c * d];
        float[][] w = model.weights();
        for (int i = 0; i < c; i++) System.arraycopy(w[i], 0, flat, i * d, d);
        int[] diverged = model.divergedModels();
        BinaryWriter out = new BinaryWriter(HEADER, 64 + 4 * flat.length + 8 * model.modelLosses().length);
        out.putByte(model.predictorType().ordinal()).putInt(c).putInt(d).putFloats(flat).putFloats(model.bias());
        PackedSetting s = model.selectedSetting();
        out.putDouble(model.threshold()).putInt(model.selectedModel()).putDouble(s.learningRate()).putDouble(s.wd())
                .putDouble(s.l1());
        out.putDoubles(model.modelLosses()).putInt(diverged.length);
        for (int m : diverged) out.putInt(m);
        return out.toByteArray();
    }

    /**
     * Decodes a model.
     *
     * @param bytes an encoding. Not modified.
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public LinearModel decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int type = in.getByte();
        int c = in.getInt();
        int d = in.getInt();
        if (type >= PredictorType.values().length || c < 1 || d < 1 || (long) c * d > Integer.MAX_VALUE) {
            throw new CodecException("LLMD: inconsistent header (type " + type + ", outputs " + c + ", dimension "
                    + d + ")");
        }
        float[] flat = in.getFloats();
        float[] bias = in.getFloats();
        if (flat.length != c * d) throw new CodecException("LLMD: expected " + c + " x " + d + " weights");
        double threshold = in.getDouble();
        int selected = in.getInt();
        PackedSetting setting = new PackedSetting(in.getDouble(), in.getDouble(), in.getDouble());
        double[] losses = in.getDoubles();
        int count = in.getInt();
        if (count < 0 || count > losses.length) throw new CodecException("LLMD: " + count + " diverged models");
        int[] diverged = new int[count];
        for (int i = 0; i < count; i++) diverged[i] = in.getInt();
        in.expectEnd();
        float[][] w = new float[c][d];
        for (int i = 0; i < c; i++) System.arraycopy(flat, i * d, w[i], 0, d);
        try {
            return new LinearModel(PredictorType.values()[type], w, bias, threshold, selected, setting, losses,
                    diverged);
        } catch (IllegalArgumentException e) {
            throw new CodecException("LLMD: " + e.getMessage(), e);
        }
    }
}
