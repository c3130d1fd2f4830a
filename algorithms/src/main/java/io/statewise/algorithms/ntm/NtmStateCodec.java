package io.statewise.algorithms.ntm;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of {@link NtmState}s, tag {@code NTST}, version 1. With {@code P} parameters, {@code T}
 * trainable ones and {@code S} optimizer slots:
 * <pre>
 *   header (8 bytes)
 *   int V, int K, int L, int hidden sizes (L times), byte batch norm, int S, byte kind (0 GLOBAL, 1 PARTIAL)
 *   long records, long documents, long empty documents, long sampled out, long skipped batches, double words
 *   long steps, long base steps, double epoch loss, long epoch documents, int epochs done
 *   double last loss, double best loss, int patience, byte stopped, long generator state
 *   floats parameters (P), floats base (P; a global state writes its parameters again), floats moments (S x T)
 * </pre>
 * The size depends on the shape only. The codec checks the shape against its configuration.
 */
public final class NtmStateCodec implements Codec<NtmState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("NTST", 1);

    private final NtmShape shape;

    NtmStateCodec(NtmShape shape) {
        this.shape = shape;
    }

    /** The encoded size of a state of {@code shape}, in bytes. */
    static long encodedSize(NtmShape shape) {
        long header = CodecHeader.SIZE + 4 * 3 + 4L * shape.hidden().size() + 1 + 4 + 1;
        long fields = 8 * 5 + 8 + 8 * 4 + 4 + 8 * 2 + 4 + 1 + 8;
        long arrays = 2 * (4 + 4L * shape.parameters()) + shape.slots() * (4 + 4L * shape.trainable());
        return header + fields + arrays;
    }

    @Override
    public byte[] encode(NtmState s) {
        BinaryWriter out = new BinaryWriter(HEADER, (int) Math.min(Integer.MAX_VALUE - 64, encodedSize(s.shape)));
        NtmShape sh = s.shape;
        out.putInt(sh.vocabulary()).putInt(sh.topics()).putInt(sh.hidden().size());
        for (int size : sh.hidden()) out.putInt(size);
        out.putByte(sh.batchNorm() ? 1 : 0).putInt(sh.slots()).putByte(s.kind.ordinal());
        out.putLong(s.records).putLong(s.documents).putLong(s.emptyDocuments).putLong(s.sampledOut)
                .putLong(s.skippedBatches).putDouble(s.words);
        out.putLong(s.steps).putLong(s.baseSteps).putDouble(s.epochLoss).putLong(s.epochDocuments)
                .putInt(s.epochsDone);
        out.putDouble(s.lastLoss).putDouble(s.bestLoss).putInt(s.patience).putByte(s.stopped ? 1 : 0)
                .putLong(s.random);
        out.putFloats(s.params).putFloats(s.base == null ? s.params : s.base);
        for (float[] m : s.moments) out.putFloats(m);
        return out.toByteArray();
    }

    /**
     * Decodes a state of this codec's shape.
     *
     * @throws CodecException on another type or version, truncated bytes, or a state of another shape
     */
    @Override
    public NtmState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int v = in.getInt();
        int k = in.getInt();
        int layers = in.getInt();
        if (layers < 1 || layers > 1000) throw new CodecException("NTST: " + layers + " hidden layers");
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < layers; l++) hidden.add(in.getInt());
        boolean bn = in.getByte() == 1;
        int slots = in.getInt();
        if (v != shape.vocabulary() || k != shape.topics() || !hidden.equals(shape.hidden())
                || bn != shape.batchNorm() || slots != shape.slots()) {
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
        int epochsDone = in.getInt();
        double lastLoss = in.getDouble();
        double bestLoss = in.getDouble();
        int patience = in.getInt();
        boolean stopped = in.getByte() == 1;
        long random = in.getLong();
        float[] params = in.getFloats();
        float[] base = in.getFloats();
        float[][] moments = new float[slots][];
        for (int s = 0; s < slots; s++) moments[s] = in.getFloats();
        in.expectEnd();
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
        s.epochsDone = epochsDone;
        s.lastLoss = lastLoss;
        s.bestLoss = bestLoss;
        s.patience = patience;
        s.stopped = stopped;
        s.random = random;
        return s;
    }
}
