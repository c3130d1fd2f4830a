package io.statewise.algorithms.deepar;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;
import io.statewise.algorithms.nn.EpochProgress;

/**
 * The binary encoding of {@link DeepArState}s, tag {@code DAST}, version 3 (reads 1 and 2). With {@code P} parameters
 * and {@code S} optimizer slots:
 * <pre>
 *   header (8 bytes)
 *   int P, int S, byte kind (0 GLOBAL, 1 PARTIAL)
 *   long records, long windows, long observations, long skipped batches, long steps, long base steps
 *   double epoch loss, long epoch observations, int epochs done, double last loss, double best loss, int patience,
 *   byte stopped, int learning-rate decays (from version 3), long generator state
 *   floats parameters (P), floats base (P; a global state writes its best epoch's parameters, or its parameters
 *   again before its first epoch end), floats moments (S x P)
 * </pre>
 * Version 1 wrote a global state's parameters again in place of the best epoch's; they decode as no best epoch.
 * Versions 1 and 2 had no learning-rate decay; they decode with none.
 * The size depends on the hyperparameters only; the codec checks it against its configuration.
 */
public final class DeepArStateCodec implements Codec<DeepArState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("DAST", 3);

    private final DeepArShape shape;
    private final int parameters;

    DeepArStateCodec(DeepArShape shape) {
        this.shape = shape;
        this.parameters = shape.network().layout.size();
    }

    /** The encoded size of {@code s}, in bytes. */
    static long encodedSize(DeepArState s) {
        long p = s.params.length;
        return CodecHeader.SIZE + 4 + 4 + 1 + 8 * 6 + 8 + 8 + EpochProgress.encodedSize() + 4 + 8
                + (2 + s.moments.length) * (4 + 4 * p);
    }

    @Override
    public byte[] encode(DeepArState s) {
        BinaryWriter out = new BinaryWriter(HEADER, (int) Math.min(Integer.MAX_VALUE - 64, encodedSize(s)));
        out.putInt(s.params.length).putInt(s.moments.length).putByte(s.kind.ordinal());
        out.putLong(s.records).putLong(s.windows).putLong(s.observations).putLong(s.skippedBatches).putLong(s.steps)
                .putLong(s.baseSteps);
        out.putDouble(s.epochLoss).putLong(s.epochObservations);
        s.progress.write(out);
        out.putInt(s.learningRateDecays).putLong(s.random);
        out.putFloats(s.params).putFloats(s.base != null ? s.base : s.best != null ? s.best : s.params);
        for (float[] m : s.moments) out.putFloats(m);
        return out.toByteArray();
    }

    /**
     * Decodes a state of this codec's configuration.
     *
     * @throws CodecException on another type or version, truncated bytes, or a state of another shape
     */
    @Override
    public DeepArState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int p = in.getInt();
        int slots = in.getInt();
        if (p != parameters || slots != shape.slots()) {
            throw new CodecException("DAST: a state of " + p + " parameters and " + slots + " optimizer slots does"
                    + " not fit this configuration (" + parameters + ", " + shape.slots() + ")");
        }
        int kind = in.getByte();
        if (kind > 1) throw new CodecException("DAST: unknown kind " + kind);
        DeepArState.Kind role = DeepArState.Kind.values()[kind];
        long[] counters = {in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong()};
        double epochLoss = in.getDouble();
        long epochObservations = in.getLong();
        EpochProgress progress = EpochProgress.read(in);
        int decays = in.version() >= 3 ? in.getInt() : 0;
        long random = in.getLong();
        float[] params = in.getFloats();
        float[] base = in.getFloats();
        float[][] moments = new float[slots][];
        for (int s = 0; s < slots; s++) moments[s] = in.getFloats();
        in.expectEnd();
        if (params.length != p || base.length != p) throw new CodecException("DAST: expected " + p + " parameters");
        for (float[] m : moments) {
            if (m.length != p) throw new CodecException("DAST: expected " + p + " optimizer moments per slot");
        }
        boolean global = role == DeepArState.Kind.GLOBAL;
        DeepArState s = new DeepArState(shape, role, params, global ? null : base, moments);
        if (global && in.version() >= 2 && progress.epochsDone() > 0) s.best = base;
        s.records = counters[0];
        s.windows = counters[1];
        s.observations = counters[2];
        s.skippedBatches = counters[3];
        s.steps = counters[4];
        s.baseSteps = counters[5];
        s.epochLoss = epochLoss;
        s.epochObservations = epochObservations;
        s.progress = progress;
        s.learningRateDecays = decays;
        s.random = random;
        return s;
    }
}
