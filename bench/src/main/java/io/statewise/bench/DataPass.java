package io.statewise.bench;

import io.statewise.algorithms.ElasticAlgorithm;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.CsvParseOnly;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitReader;
import io.statewise.algorithms.training.SplitOutcome;
import io.statewise.algorithms.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data pass without the runtime, shared by the bench mains of every algorithm: {@link Trainer#trainSplit} of
 * every split on a pool of {@code threads} threads, then the merge of the partials, against parsing the same splits
 * on the same pool (parse only: {@link CsvParseOnly#parseAll} for CSV, the format's reader into one reusable batch
 * otherwise), and the updates alone over records already in memory (compute only). One warm-up, then
 * {@code repeats} interleaved measurements of each.
 */
final class DataPass {

    /** The runtime's default split size (statewise.actors.job.split-size). */
    static final long DEFAULT_SPLIT_BYTES = 32L << 20;

    /**
     * What the pass measured.
     *
     * @param json   the timings (medians, bests and every run) and counts
     * @param merged the merged state of the last pass
     */
    record Result(Json json, State merged) {}

    private record PassResult(State merged, long records, double updateSeconds, double mergeSeconds) {}

    private final Trainer trainer;
    private final DataFormat format;
    private final DataSchema schema;
    private final List<Split> splits;
    private final ExecutorService pool;
    private final int batchSize;

    private DataPass(Trainer trainer, DataFormat format, DataSchema schema, List<Split> splits, ExecutorService pool) {
        this.trainer = trainer;
        this.format = format;
        this.schema = schema;
        this.splits = splits;
        this.pool = pool;
        this.batchSize = trainer.schedule().miniBatchSize();
    }

    /**
     * Measures the pass of {@code trainer} over {@code splits}.
     *
     * @param computeOnly whether to also time the updates over records held in memory (needs the data set in memory)
     */
    static Result measure(Trainer trainer, DataFormat format, DataSchema schema, List<Split> splits, int threads,
                          int repeats, boolean computeOnly) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            DataPass pass = new DataPass(trainer, format, schema, splits, pool);
            List<List<Batch>> inMemory = computeOnly ? pass.loadBatches() : null;
            double[] parse = new double[repeats];
            double[] dataPass = new double[repeats];
            double[] updates = new double[repeats];
            double[] compute = new double[repeats];
            double[] merges = new double[repeats];
            PassResult last = null;
            for (int r = -1; r < repeats; r++) { // r = -1: warm-up
                long t0 = System.nanoTime();
                long parsed = pass.parseOnly();
                long t1 = System.nanoTime();
                PassResult p = pass.trainAll();
                long t2 = System.nanoTime();
                double c = computeOnly ? pass.computeOnly(inMemory) : Double.NaN;
                if (parsed != p.records) throw new IllegalStateException(parsed + " parsed != " + p.records);
                if (r >= 0) {
                    parse[r] = (t1 - t0) / 1e9;
                    dataPass[r] = (t2 - t1) / 1e9;
                    updates[r] = p.updateSeconds;
                    merges[r] = p.mergeSeconds;
                    compute[r] = c;
                }
                last = p;
            }
            long f0 = System.nanoTime();
            trainer.finalizeModel(last.merged);
            double finalizeSeconds = (System.nanoTime() - f0) / 1e9;
            Json json = new Json()
                    .put("records", last.records)
                    .put("splits", splits.size())
                    .put("threads", threads)
                    .put("parse_only_median_s", Stats.median(parse))
                    .put("parse_only_best_s", Stats.min(parse))
                    .put("data_pass_median_s", Stats.median(dataPass))
                    .put("data_pass_best_s", Stats.min(dataPass))
                    .put("split_updates_median_s", Stats.median(updates))
                    .put("merge_median_s", Stats.median(merges))
                    .put("compute_only_median_s", Stats.median(compute))
                    .put("finalize_s", finalizeSeconds)
                    .put("ratio_median", Stats.median(dataPass) / Stats.median(parse))
                    .put("ratio_best", Stats.min(dataPass) / Stats.min(parse))
                    .putArray("parse_only_s", parse)
                    .putArray("data_pass_s", dataPass);
            if (computeOnly) json.putArray("compute_only_s", compute);
            return new Result(json, last.merged);
        } finally {
            pool.shutdownNow();
        }
    }

    private long parseOnly() throws Exception {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (Split s : splits) {
            if (format instanceof CsvFormat csv) {
                int columns = schema.features() + (csv.labeled() ? 1 : 0);
                tasks.add(() -> CsvParseOnly.parseAll(s, csv, columns, batchSize));
            } else {
                tasks.add(() -> {
                    Batch batch = format.newBatch(batchSize, schema);
                    try (SplitReader reader = format.open(s, schema, 0)) {
                        while (reader.next(batch)) {
                            // records are counted by the reader
                        }
                        return reader.records();
                    }
                });
            }
        }
        long records = 0;
        for (Future<Long> f : pool.invokeAll(tasks)) records += f.get();
        return records;
    }

    private PassResult trainAll() throws Exception {
        long t0 = System.nanoTime();
        State base = trainer.emptyState(schema);
        List<Callable<SplitOutcome>> tasks = new ArrayList<>();
        for (Split s : splits) {
            tasks.add(() -> trainer.trainSplit(base, s, format, schema, seed(s.id()), 0, new AtomicLong(),
                    () -> false));
        }
        List<SplitOutcome> outcomes = new ArrayList<>();
        for (Future<SplitOutcome> f : pool.invokeAll(tasks)) outcomes.add(f.get());
        long t1 = System.nanoTime();
        State merged = outcomes.get(0).partial();
        long records = outcomes.get(0).records();
        for (int i = 1; i < outcomes.size(); i++) {
            merged = trainer.merge(merged, outcomes.get(i).partial());
            records += outcomes.get(i).records();
        }
        long t2 = System.nanoTime();
        return new PassResult(merged, records, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** Seconds of the updates alone (startPartial + update of every batch of every split) over in-memory batches. */
    @SuppressWarnings("unchecked")
    private double computeOnly(List<List<Batch>> batches) throws Exception {
        ElasticAlgorithm<State, Model> algorithm = (ElasticAlgorithm<State, Model>) trainer.algorithm();
        State base = algorithm.init(schema);
        List<Callable<State>> tasks = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            List<Batch> split = batches.get(i);
            long seed = seed(i);
            tasks.add(() -> {
                State partial = algorithm.startPartial(base, seed);
                for (Batch b : split) algorithm.update(partial, b);
                return partial;
            });
        }
        long t0 = System.nanoTime();
        for (Future<State> f : pool.invokeAll(tasks)) f.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    private List<List<Batch>> loadBatches() throws Exception {
        List<Callable<List<Batch>>> tasks = new ArrayList<>();
        for (Split s : splits) {
            tasks.add(() -> {
                List<Batch> out = new ArrayList<>();
                try (SplitReader reader = format.open(s, schema, 0)) {
                    while (true) {
                        Batch b = format.newBatch(batchSize, schema);
                        if (!reader.next(b)) break;
                        out.add(b);
                    }
                }
                return out;
            });
        }
        List<List<Batch>> all = new ArrayList<>();
        for (Future<List<Batch>> f : pool.invokeAll(tasks)) all.add(f.get());
        return all;
    }

    /** The seed of a split, as the runtime derives one (a SplitMix64 finalizer of the split id). */
    static long seed(int splitId) {
        long z = 0x9E3779B97F4A7C15L * (splitId + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
