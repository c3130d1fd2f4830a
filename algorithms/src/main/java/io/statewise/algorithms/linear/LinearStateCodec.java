package io.statewise.algorithms.linear;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link LinearState}s, tag {@code LLST}, version 1. With {@code P = (d + 1) x models x
 * outputs} parameters, {@code M} models, {@code B} bins and {@code L} label counters:
 * <pre>
 *   header (8 bytes)
 *   int d, int outputs, int M, int B, int L, byte kind (0 SCALING, 1 MODEL, 2 DELTA)
 *   long records, long steps, int epochs done, byte histograms stale
 *   double sampled, double label mean, double label M2
 *   doubles feature means (d), doubles feature M2 (d), doubles label counts (L)
 *   doubles shift (d), doubles scale (d), double label shift, double label scale, double positive weight
 *   doubles parameters (P): MODEL values, DELTA changes, SCALING zeros
 *   floats moment 1 (P), floats moment 2 (P)
 *   doubles loss sums (M), doubles loss weights (M), doubles histograms (M x 2 x B)
 *   doubles last losses (M), doubles best losses (M), int patience (M times), byte flags (M times: 1 frozen,
 *   2 diverged)
 * </pre>
 * Every array is written at full size whatever the kind, so the size depends on the shape only. A live partial is
 * written as its contribution (its change from the base, without the base's normalizer), so a decoded partial can be
 * merged but not trained. The
 * codec checks the shape against its configuration: a state of another configuration is refused.
 */
public final class LinearStateCodec implements Codec<LinearState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("LLST", 1);

    private final LinearConfig config;

    /** A codec for states of {@code config}. */
    LinearStateCodec(LinearConfig config) {
        this.config = config;
    }

    /** The encoded size of a state of {@code shape}, in bytes. */
    public static long encodedSize(StateShape shape) {
        long d = shape.dimension();
        long p = shape.parameters();
        long m = shape.models();
        return CodecHeader.SIZE + 5 * 4 + 1 + 8 + 8 + 4 + 1 + 3 * 8
                + (4 + 8 * d) * 2 + (4 + 8L * shape.labelSlots())
                + (4 + 8 * d) * 2 + 3 * 8
                + (4 + 8 * p) + (4 + 4 * p) * 2
                + (4 + 8 * m) * 2 + (4 + 8 * m * 2 * shape.bins())
                + (4 + 8 * m) * 2 + 4 * m + m;
    }

    @Override
    public byte[] encode(LinearState s) {
        StateShape shape = s.shape;
        long size = encodedSize(shape);
        if (size > Integer.MAX_VALUE - 64) throw new CodecException("LLST: a state of " + size + " bytes");
        BinaryWriter out = new BinaryWriter(HEADER, (int) size);
        out.putInt(shape.dimension()).putInt(shape.outputs()).putInt(shape.models()).putInt(shape.bins())
                .putInt(shape.labelSlots()).putByte(s.kind.ordinal());
        out.putLong(s.records).putLong(s.steps).putInt(s.epochsDone).putByte(s.histogramsStale ? 1 : 0);
        out.putDouble(s.sampled).putDouble(s.labelMean).putDouble(s.labelM2);
        out.putDoubles(s.featureMean).putDoubles(s.featureM2).putDoubles(s.labelCounts);
        int d = shape.dimension();
        boolean model = s.kind == LinearState.Kind.MODEL;
        out.putDoubles(model ? s.shift : new double[d]);
        out.putDoubles(model ? s.scale : new double[d]);
        out.putDouble(model ? s.labelShift : 0).putDouble(model ? s.labelScale : 1)
                .putDouble(model ? s.positiveWeight : 1);
        int p = shape.parameters();
        double[] parameters = switch (s.kind) {
            case SCALING -> new double[p];
            case MODEL -> widen(s.weights);
            case DELTA -> s.deltaCopy();
        };
        out.putDoubles(parameters);
        out.putFloats(s.moment1 == null ? new float[p] : s.moment1);
        out.putFloats(s.moment2 == null ? new float[p] : s.moment2);
        out.putDoubles(s.running.lossSum).putDoubles(s.running.lossWeight).putDoubles(s.running.histogram);
        out.putDoubles(s.lastLoss).putDoubles(s.bestLoss);
        for (int m = 0; m < shape.models(); m++) out.putInt(s.patience[m]);
        for (int m = 0; m < shape.models(); m++) out.putByte((s.frozen[m] ? 1 : 0) | (s.diverged[m] ? 2 : 0));
        return out.toByteArray();
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }

    /**
     * Decodes a state.
     *
     * @param bytes an encoding. Not modified.
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes, or a state of
     *                        another configuration
     */
    @Override
    public LinearState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int d = in.getInt();
        int outputs = in.getInt();
        int models = in.getInt();
        int bins = in.getInt();
        int labels = in.getInt();
        int kind = in.getByte();
        StateShape shape;
        try {
            shape = new StateShape(d, outputs, models, bins, labels);
        } catch (IllegalArgumentException e) {
            throw new CodecException("LLST: " + e.getMessage(), e);
        }
        StateShape expected = StateShape.of(config, d);
        if (!shape.equals(expected)) {
            throw new CodecException("LLST: a state of shape " + shape + " does not belong to this configuration ("
                    + expected + ")");
        }
        if (kind >= LinearState.Kind.values().length) throw new CodecException("LLST: unknown kind " + kind);
        LinearState s = new LinearState(shape);
        s.kind = LinearState.Kind.values()[kind];
        s.records = in.getLong();
        s.steps = in.getLong();
        s.epochsDone = in.getInt();
        s.histogramsStale = in.getByte() != 0;
        if (s.records < 0 || s.steps < 0 || s.epochsDone < 0) {
            throw new CodecException("LLST: negative counts (records " + s.records + ", steps " + s.steps + ")");
        }
        s.sampled = in.getDouble();
        s.labelMean = in.getDouble();
        s.labelM2 = in.getDouble();
        copy(in.getDoubles(), s.featureMean, "feature means");
        copy(in.getDoubles(), s.featureM2, "feature M2");
        copy(in.getDoubles(), s.labelCounts, "label counts");
        double[] shift = exact(in.getDoubles(), d, "shift");
        double[] scale = exact(in.getDoubles(), d, "scale");
        s.labelShift = in.getDouble();
        s.labelScale = in.getDouble();
        s.positiveWeight = in.getDouble();
        int p = shape.parameters();
        double[] parameters = exact(in.getDoubles(), p, "parameters");
        float[] moment1 = in.getFloats();
        float[] moment2 = in.getFloats();
        if (moment1.length != p || moment2.length != p) throw new CodecException("LLST: moments of wrong length");
        copy(in.getDoubles(), s.running.lossSum, "loss sums");
        copy(in.getDoubles(), s.running.lossWeight, "loss weights");
        copy(in.getDoubles(), s.running.histogram, "histograms");
        copy(in.getDoubles(), s.lastLoss, "last losses");
        copy(in.getDoubles(), s.bestLoss, "best losses");
        for (int m = 0; m < models; m++) s.patience[m] = in.getInt();
        for (int m = 0; m < models; m++) {
            int flags = in.getByte();
            s.frozen[m] = (flags & 1) != 0;
            s.diverged[m] = (flags & 2) != 0;
        }
        in.expectEnd();
        switch (s.kind) {
            case SCALING -> { }
            case MODEL -> {
                for (double v : scale) {
                    if (!(v > 0) || Double.isInfinite(v)) throw new CodecException("LLST: invalid scale " + v);
                }
                s.shift = shift;
                s.scale = scale;
                float[] w = new float[p];
                for (int i = 0; i < p; i++) w[i] = (float) parameters[i];
                s.weights = w;
                s.moment1 = moment1;
                s.moment2 = moment2;
            }
            case DELTA -> {
                s.delta = parameters;
                s.moment1 = moment1;
                s.moment2 = moment2;
            }
        }
        return s;
    }

    private static void copy(double[] from, double[] to, String what) {
        if (from.length != to.length) {
            throw new CodecException("LLST: expected " + to.length + " " + what + ", found " + from.length);
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    private static double[] exact(double[] values, int length, String what) {
        if (values.length != length) {
            throw new CodecException("LLST: expected " + length + " " + what + ", found " + values.length);
        }
        return values;
    }
}
