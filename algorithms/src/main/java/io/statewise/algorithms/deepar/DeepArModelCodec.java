package io.statewise.algorithms.deepar;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of {@link DeepArModel}s, tag {@code DAMD}, version 1:
 * <pre>
 *   header (8 bytes)
 *   string time_freq, int context length, int prediction length, string likelihood (each string: int length, UTF-8)
 *   int layers, int cells, int embedding dimension, int C, int cardinality (C times), byte ignore cat
 *   int dynamic features, byte ignore dynamic, int eval samples, doubles quantiles, long seed, floats parameters
 * </pre>
 */
public final class DeepArModelCodec implements Codec<DeepArModel> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("DAMD", 1);

    @Override
    public byte[] encode(DeepArModel m) {
        BinaryWriter out = new BinaryWriter(HEADER, 128 + 4 * m.parameters().length);
        putString(out, m.timeFreq());
        out.putInt(m.contextLength()).putInt(m.predictionLength());
        putString(out, m.likelihood());
        out.putInt(m.numLayers()).putInt(m.numCells()).putInt(m.embeddingDimension()).putInt(m.cardinality().size());
        for (int c : m.cardinality()) out.putInt(c);
        out.putByte(m.ignoreCat() ? 1 : 0).putInt(m.numDynamicFeat()).putByte(m.ignoreDynamic() ? 1 : 0)
                .putInt(m.numEvalSamples()).putDoubles(m.quantileLevels()).putLong(m.seed())
                .putFloats(m.parameters());
        return out.toByteArray();
    }

    private static void putString(BinaryWriter out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(utf8.length);
        for (byte b : utf8) out.putByte(b);
    }

    private static String getString(BinaryReader in) {
        int length = in.getInt();
        if (length < 0 || length > 64) throw new CodecException("DAMD: a string of " + length + " bytes");
        byte[] utf8 = new byte[length];
        for (int i = 0; i < length; i++) utf8[i] = (byte) in.getByte();
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * Decodes a model.
     *
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public DeepArModel decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        String freq = getString(in);
        int context = in.getInt();
        int prediction = in.getInt();
        String likelihood = getString(in);
        int layers = in.getInt();
        int cells = in.getInt();
        int embedding = in.getInt();
        int count = in.getInt();
        if (count < 0 || count > 1000) throw new CodecException("DAMD: " + count + " categorical features");
        List<Integer> cardinality = new ArrayList<>();
        for (int j = 0; j < count; j++) cardinality.add(in.getInt());
        boolean ignoreCat = in.getByte() == 1;
        int dynamic = in.getInt();
        boolean ignoreDynamic = in.getByte() == 1;
        int samples = in.getInt();
        double[] quantiles = in.getDoubles();
        long seed = in.getLong();
        float[] params = in.getFloats();
        in.expectEnd();
        List<Double> levels = new ArrayList<>();
        for (double q : quantiles) levels.add(q);
        try {
            return new DeepArModel(freq, context, prediction, likelihood, layers, cells, embedding, cardinality,
                    ignoreCat, dynamic, ignoreDynamic, samples, levels, seed, params);
        } catch (IllegalArgumentException e) {
            throw new CodecException("DAMD: " + e.getMessage(), e);
        }
    }
}
