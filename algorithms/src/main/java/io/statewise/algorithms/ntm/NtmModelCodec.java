package io.statewise.algorithms.ntm;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;
import io.statewise.algorithms.nn.Activation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary encoding of {@link NtmModel}s, tag {@code NTMD}, version 1:
 * <pre>
 *   header (8 bytes)
 *   int V, int K, int L, int hidden sizes (L times), byte activation (Activation ordinal)
 *   floats encoder, floats topic-word (K x V, topic by topic), floats word bias (V)
 *   byte has vocabulary; if 1, V terms, each an int byte length and its UTF-8 bytes
 * </pre>
 */
public final class NtmModelCodec implements Codec<NtmModel> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("NTMD", 1);

    @Override
    public byte[] encode(NtmModel m) {
        int v = m.featureDim();
        int k = m.numTopics();
        float[] flat = m.decoderWeights();
        float[] topicWord = Arrays.copyOf(flat, k * v);
        BinaryWriter out = new BinaryWriter(HEADER, 64 + 4 * (m.encoderShared().length + flat.length));
        out.putInt(v).putInt(k).putInt(m.encoderLayers().size());
        for (int size : m.encoderLayers()) out.putInt(size);
        out.putByte(m.activation().ordinal());
        out.putFloats(m.encoderShared()).putFloats(topicWord).putFloats(m.wordBias());
        String[] terms = m.vocabulary();
        out.putByte(terms == null ? 0 : 1);
        if (terms != null) {
            for (String term : terms) {
                byte[] utf8 = term.getBytes(StandardCharsets.UTF_8);
                out.putInt(utf8.length);
                for (byte b : utf8) out.putByte(b);
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes a model.
     *
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public NtmModel decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int v = in.getInt();
        int k = in.getInt();
        int layers = in.getInt();
        if (v < 1 || k < 2 || layers < 1 || layers > 1000 || (long) k * v > Integer.MAX_VALUE) {
            throw new CodecException("NTMD: inconsistent header (V " + v + ", K " + k + ", layers " + layers + ")");
        }
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < layers; l++) hidden.add(in.getInt());
        int activation = in.getByte();
        if (activation >= Activation.values().length) throw new CodecException("NTMD: activation " + activation);
        float[] encoder = in.getFloats();
        float[] flat = in.getFloats();
        float[] bias = in.getFloats();
        if (flat.length != k * v) throw new CodecException("NTMD: expected " + k + " x " + v + " topic weights");
        float[][] topicWord = new float[k][v];
        for (int t = 0; t < k; t++) System.arraycopy(flat, t * v, topicWord[t], 0, v);
        String[] terms = null;
        if (in.getByte() == 1) {
            terms = new String[v];
            for (int j = 0; j < v; j++) {
                int length = in.getInt();
                if (length < 0 || length > bytes.length) throw new CodecException("NTMD: truncated vocabulary");
                byte[] utf8 = new byte[length];
                for (int b = 0; b < length; b++) utf8[b] = (byte) in.getByte();
                terms[j] = new String(utf8, StandardCharsets.UTF_8);
            }
        }
        in.expectEnd();
        try {
            return new NtmModel(v, k, hidden, Activation.values()[activation], encoder, topicWord, bias, terms, null);
        } catch (IllegalArgumentException e) {
            throw new CodecException("NTMD: " + e.getMessage(), e);
        }
    }
}
