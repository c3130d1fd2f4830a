package io.statewise.algorithms.ntm;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;
import io.statewise.algorithms.nn.EpochProgress;
import io.statewise.algorithms.text.VocabularyState;
import io.statewise.algorithms.text.VocabularyStateCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of {@link NtmState}s, tag {@code NTST}, version 3. With {@code P} parameters, {@code T}
 * trainable ones, {@code S} optimizer slots:
 * <pre>
 *   header (8 bytes)
 *   byte phase: 1 = VOCABULARY, then the vocabulary pass's state ({@link VocabularyStateCodec}, int length + bytes);
 *               0 = a network, then:
 *   int V, int K, int L, int hidden sizes (L times), byte batch norm, int S, byte kind (0 GLOBAL, 1 PARTIAL)
 *   long records, long documents, long empty documents, long sampled out, long skipped batches, double words
 *   long steps, long base steps, double epoch loss, long epoch documents, int epochs done
 *   double last loss, double best loss, int patience, byte stopped, long generator state
 *   floats parameters (P), floats base (P; a global state writes its parameters again), floats moments (S x T)
 *   long vocabulary documents, int term slot bytes B, int terms (V or 0), each term: byte length, B bytes zero-padded
 *   long malformed UTF-8 sequences
 * </pre>
 * Version 2 (read, not written) lacks the last field (read as 0); version 1 (read, not written) is the network part
 * without the phase byte and the vocabulary tail. The size depends on the hyperparameters and the vocabulary's size
 * only. The codec checks the shape against its configuration.
 */
public final class NtmStateCodec implements Codec<NtmState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("NTST", 3);

    private static final VocabularyStateCodec VOCABULARY = new VocabularyStateCodec();

    private final NtmConfig config;

    NtmStateCodec(NtmConfig config) {
        this.config = config;
    }

    /** The encoded size of {@code s}, in bytes. */
    static long encodedSize(NtmState s) {
        if (s.kind == NtmState.Kind.VOCABULARY) return CodecHeader.SIZE + 1 + 4 + s.vocabulary.serializedSize();
        NtmShape shape = s.shape;
        long head = CodecHeader.SIZE + 1 + 4 * 3 + 4L * shape.hidden().size() + 1 + 4 + 1;
        long fields = 8 * 5 + 8 + 8 * 4 + EpochProgress.encodedSize() + 8;
        long arrays = 2 * (4 + 4L * shape.parameters()) + shape.slots() * (4 + 4L * shape.trainable());
        long terms = 8 + 4 + 4 + (s.terms == null ? 0 : (long) s.terms.length * (1 + termSlot(s.terms)));
        return head + fields + arrays + terms + 8;
    }

    /** Bytes of a term slot: the longest term's UTF-8 length (learned terms are at most {@code max_term_bytes}). */
    private static int termSlot(String[] terms) {
        int longest = 0;
        for (String t : terms) longest = Math.max(longest, t.getBytes(StandardCharsets.UTF_8).length);
        return longest;
    }

    @Override
    public byte[] encode(NtmState s) {
        BinaryWriter out = new BinaryWriter(HEADER, (int) Math.min(Integer.MAX_VALUE - 64, encodedSize(s)));
        if (s.kind == NtmState.Kind.VOCABULARY) {
            return out.putByte(1).putBytes(VOCABULARY.encode(s.vocabulary)).toByteArray();
        }
        out.putByte(0);
        NtmShape sh = s.shape;
        out.putInt(sh.vocabulary()).putInt(sh.topics()).putInt(sh.hidden().size());
        for (int size : sh.hidden()) out.putInt(size);
        out.putByte(sh.batchNorm() ? 1 : 0).putInt(sh.slots()).putByte(s.kind.ordinal());
        out.putLong(s.records).putLong(s.documents).putLong(s.emptyDocuments).putLong(s.sampledOut)
                .putLong(s.skippedBatches).putDouble(s.words);
        out.putLong(s.steps).putLong(s.baseSteps).putDouble(s.epochLoss).putLong(s.epochDocuments);
        s.progress.write(out);
        out.putLong(s.random);
        out.putFloats(s.params).putFloats(s.base == null ? s.params : s.base);
        for (float[] m : s.moments) out.putFloats(m);
        int slot = s.terms == null ? 0 : termSlot(s.terms);
        out.putLong(s.vocabularyDocuments).putInt(slot).putInt(s.terms == null ? 0 : s.terms.length);
        if (s.terms != null) {
            for (String term : s.terms) {
                byte[] utf8 = term.getBytes(StandardCharsets.UTF_8);
                out.putByte(utf8.length);
                for (int b = 0; b < slot; b++) out.putByte(b < utf8.length ? utf8[b] : 0);
            }
        }
        out.putLong(s.malformedSequences);
        return out.toByteArray();
    }

    /**
     * Decodes a state of this codec's configuration.
     *
     * @throws CodecException on another type or version, truncated bytes, or a state of another shape
     */
    @Override
    public NtmState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        if (in.version() >= 2 && in.getByte() == 1) {
            VocabularyState vocabulary = VOCABULARY.decode(in.getBytes());
            in.expectEnd();
            if (vocabulary.capacity() != config.vocabulary().capacity()
                    || vocabulary.maxTermBytes() != config.vocabulary().maxTermBytes()) {
                throw new CodecException("NTST: a vocabulary state of " + vocabulary.capacity() + " counters and "
                        + vocabulary.maxTermBytes() + "-byte terms does not fit this configuration");
            }
            return NtmState.ofVocabulary(vocabulary);
        }
        NtmState s = network(in);
        if (in.version() >= 2) {
            s.vocabularyDocuments = in.getLong();
            s.terms = terms(in, s.shape.vocabulary());
        }
        if (in.version() >= 3) {
            s.malformedSequences = in.getLong();
            if (s.malformedSequences < 0) throw new CodecException("NTST: negative malformed sequence count");
        }
        in.expectEnd();
        return s;
    }

    private NtmState network(BinaryReader in) {
        int v = in.getInt();
        int k = in.getInt();
        int layers = in.getInt();
        if (v < 1 || layers < 1 || layers > 1000) {
            throw new CodecException("NTST: V=" + v + " with " + layers + " hidden layers");
        }
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < layers; l++) hidden.add(in.getInt());
        boolean bn = in.getByte() == 1;
        int slots = in.getInt();
        NtmShape shape = config.shape(v);
        if ((config.featureDim() != 0 && v != config.featureDim()) || k != shape.topics()
                || !hidden.equals(shape.hidden()) || bn != shape.batchNorm() || slots != shape.slots()) {
            throw new CodecException("NTST: a state of V=" + v + " K=" + k + " hidden=" + hidden + " batch norm=" + bn
                    + " slots=" + slots + " does not fit this configuration " + shape);
        }
        int kind = in.getByte();
        if (kind > 1) throw new CodecException("NTST: unknown kind " + kind);
        long[] counters = {in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong()};
        double words = in.getDouble();
        long steps = in.getLong();
        long baseSteps = in.getLong();
        double epochLoss = in.getDouble();
        long epochDocuments = in.getLong();
        EpochProgress progress = EpochProgress.read(in);
        long random = in.getLong();
        float[] params = in.getFloats();
        float[] base = in.getFloats();
        float[][] moments = new float[slots][];
        for (int s = 0; s < slots; s++) moments[s] = in.getFloats();
        int p = shape.parameters();
        int t = shape.trainable();
        if (params.length != p || base.length != p) throw new CodecException("NTST: expected " + p + " parameters");
        for (float[] m : moments) {
            if (m.length != t) throw new CodecException("NTST: expected " + t + " optimizer moments per slot");
        }
        NtmState.Kind role = NtmState.Kind.values()[kind];
        NtmState s = new NtmState(shape, role, params, role == NtmState.Kind.GLOBAL ? null : base, moments);
        s.records = counters[0];
        s.documents = counters[1];
        s.emptyDocuments = counters[2];
        s.sampledOut = counters[3];
        s.skippedBatches = counters[4];
        s.words = words;
        s.steps = steps;
        s.baseSteps = baseSteps;
        s.epochLoss = epochLoss;
        s.epochDocuments = epochDocuments;
        s.progress = progress;
        s.random = random;
        return s;
    }

    /** The vocabulary tail's terms: null when there are none, else exactly {@code v} of them. */
    private static String[] terms(BinaryReader in, int v) {
        int slot = in.getInt();
        int count = in.getInt();
        if (count == 0) return null;
        if (count != v || slot < 1 || slot > VocabularyStateCodec.MAX_TERM_BYTES) {
            throw new CodecException("NTST: " + count + " terms of " + slot + " bytes for " + v + " words");
        }
        String[] terms = new String[count];
        byte[] utf8 = new byte[slot];
        for (int i = 0; i < count; i++) {
            int length = in.getByte();
            for (int b = 0; b < slot; b++) utf8[b] = (byte) in.getByte();
            if (length < 1 || length > slot) throw new CodecException("NTST: term " + i + " of " + length + " bytes");
            terms[i] = new String(utf8, 0, length, StandardCharsets.UTF_8);
        }
        return terms;
    }
}
