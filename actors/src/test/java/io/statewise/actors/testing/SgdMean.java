package io.statewise.actors.testing;

import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Evaluator;
import io.statewise.algorithms.HyperParameterSpec;
import io.statewise.algorithms.HyperParameterSpec.Param;
import io.statewise.algorithms.HyperParameters;
import io.statewise.algorithms.Metrics;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.Prediction;
import io.statewise.algorithms.State;
import io.statewise.algorithms.SyncPolicy;
import io.statewise.algorithms.TrainingSchedule;
import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecHeader;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.DenseBatch;
import java.util.List;
import java.util.Map;

/**
 * A minimal SGD algorithm that exercises the runtime's every-N-batches path: it estimates the feature mean by
 * gradient steps on the squared distance, with partials that carry example-weighted parameter deltas (the contract's
 * semantics for SGD algorithms). Test code only.
 */
public final class SgdMean implements ElasticAlgorithm<SgdMean.MeanState, SgdMean.MeanModel> {

    public static final String NAME = "test-sgd-mean";
    private static final CodecHeader STATE = new CodecHeader("TSMS", 1);
    private static final CodecHeader MODEL = new CodecHeader("TSMM", 1);

    /** Global state: w = parameters, n = examples; partial: w = delta from its base, base kept transiently. */
    public static final class MeanState implements State {
        final double[] w;
        long n;
        final double[] base;    // partials only, not encoded
        final double[] current; // partials only, not encoded

        MeanState(double[] w, long n, double[] base) {
            this.w = w;
            this.n = n;
            this.base = base;
            this.current = base == null ? null : base.clone();
        }

        @Override
        public long records() {
            return n;
        }

        @Override
        public long serializedSize() {
            return CodecHeader.SIZE + 4 + 8L * w.length + 8;
        }
    }

    /** The estimated mean. */
    public record MeanModel(double[] mean) implements Model {
        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public int featureDimension() {
            return mean.length;
        }

        @Override
        public Prediction predict(float[] features) {
            double d = 0;
            for (int i = 0; i < mean.length; i++) d += (features[i] - mean[i]) * (features[i] - mean[i]);
            return new Distance(d);
        }
    }

    /** Squared distance of a record to the mean. */
    public record Distance(double squared) implements Prediction {}

    /** Registers the algorithm (idempotent). */
    public static void register() {
        io.statewise.algorithms.Algorithms.register(new Provider());
    }

    /** The provider. */
    public static final class Provider implements AlgorithmProvider<MeanState, MeanModel> {
        private static final HyperParameterSpec SPEC = new HyperParameterSpec(NAME, List.of(
                Param.decimal("learning_rate", 0.2, 1e-6, 1.0, "step size"),
                Param.integer("epochs", 2, 1, 100, "epochs"),
                Param.integer("mini_batch_size", 50, 1, 100_000, "records per step"),
                Param.integer("sync_every_batches", 3, 1, 1000, "mini-batches between syncs"),
                Param.integer("seed", 0, 0, Integer.MAX_VALUE, "unused")));

        @Override
        public HyperParameterSpec spec() {
            return SPEC;
        }

        @Override
        public Codec<MeanModel> modelCodec() {
            return new ModelCodec();
        }

        @Override
        public ElasticAlgorithm<MeanState, MeanModel> create(HyperParameters hp) {
            return new SgdMean(hp);
        }
    }

    private final HyperParameters hp;

    private SgdMean(HyperParameters hp) {
        this.hp = hp;
    }

    @Override
    public HyperParameters hyperParameters() {
        return hp;
    }

    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(hp.getInt("epochs"), hp.getInt("mini_batch_size"));
    }

    @Override
    public SyncPolicy syncPolicy() {
        return new SyncPolicy.EveryNBatches(hp.getInt("sync_every_batches"));
    }

    @Override
    public MeanState init(DataSchema schema) {
        return new MeanState(new double[schema.features()], 0, null);
    }

    @Override
    public MeanState startPartial(MeanState base, long seed) {
        return new MeanState(new double[base.w.length], 0, base.w.clone());
    }

    @Override
    public void update(MeanState s, Batch input) {
        DenseBatch b = (DenseBatch) input;
        int d = s.w.length;
        double lr = hp.getDouble("learning_rate");
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < b.size(); i++) mean += b.features()[b.offset(i) + j];
            mean /= b.size();
            s.current[j] -= lr * (s.current[j] - mean);
            s.w[j] = s.current[j] - s.base[j];
        }
        s.n += b.size();
    }

    @Override
    public MeanState merge(MeanState a, MeanState b) {
        double[] w = new double[a.w.length];
        long n = a.n + b.n;
        for (int j = 0; j < w.length && n > 0; j++) w[j] = (a.w[j] * a.n + b.w[j] * b.n) / n;
        return new MeanState(w, n, null);
    }

    @Override
    public MeanState completeEpoch(MeanState global, MeanState delta) {
        double[] w = global.w.clone();
        for (int j = 0; j < w.length; j++) w[j] += delta.w[j];
        return new MeanState(w, global.n + delta.n, null);
    }

    @Override
    public MeanModel finalize(MeanState state, HyperParameters finalizeParams) {
        return new MeanModel(state.w.clone());
    }

    @Override
    public Evaluator evaluator(MeanModel model) {
        return new Evaluator() {
            private double sum;
            private long n;

            @Override
            public void add(Batch batch) {
                DenseBatch b = (DenseBatch) batch;
                for (int i = 0; i < b.size(); i++) {
                    float[] row = new float[b.dimension()];
                    System.arraycopy(b.features(), b.offset(i), row, 0, row.length);
                    sum += ((Distance) model.predict(row)).squared();
                    n++;
                }
            }

            @Override
            public Metrics result() {
                return new Metrics(Map.of("msd", sum / Math.max(1, n)));
            }
        };
    }

    @Override
    public Codec<MeanState> stateCodec() {
        return new Codec<>() {
            @Override
            public byte[] encode(MeanState s) {
                return new BinaryWriter(STATE, 64).putDoubles(s.w).putLong(s.n).toByteArray();
            }

            @Override
            public MeanState decode(byte[] bytes) {
                BinaryReader in = new BinaryReader(bytes, STATE);
                return new MeanState(in.getDoubles(), in.getLong(), null);
            }
        };
    }

    @Override
    public Codec<MeanModel> modelCodec() {
        return new ModelCodec();
    }

    private static final class ModelCodec implements Codec<MeanModel> {
        @Override
        public byte[] encode(MeanModel m) {
            return new BinaryWriter(MODEL, 64).putDoubles(m.mean()).toByteArray();
        }

        @Override
        public MeanModel decode(byte[] bytes) {
            return new MeanModel(new BinaryReader(bytes, MODEL).getDoubles());
        }
    }
}
