package io.statewise.bench;

import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DataFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.Split;
import io.statewise.algorithms.data.SplitPlanner;
import io.statewise.algorithms.training.SplitSession;
import io.statewise.algorithms.training.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NTM's training loop without the runtime: one epoch over a split in segments of {@code sync} mini-batches, each
 * segment's partial applied to the state the next starts from ({@code completeEpoch}, the job's step), on one thread
 * and then on two threads at once (one split each), with and without encoding and decoding the states at every
 * boundary as the runtime does. What the machine and the algorithm give two workers, against which the runtime's
 * two-worker jobs are measured. Three rounds of each case; the first warms the JIT.
 *
 * <p>{@code NtmSegmentPass <train.svm> <features> <splitBytes>} (the file must make at least two splits)
 */
public final class NtmSegmentPass {

    private NtmSegmentPass() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: NtmSegmentPass <train.svm> <features> <splitBytes>");
            System.exit(2);
        }
        int features = Integer.parseInt(args[1]);
        Trainer trainer = Trainer.create("ntm", Map.of("num_topics", "20", "feature_dim", args[1], "epochs", "1"));
        DataFormat format = LibSvmFormat.defaults();
        DataSchema schema = format.schema(features);
        List<Split> splits = SplitPlanner.plan(List.of(Path.of(args[0])), Long.parseLong(args[2]));
        if (splits.size() < 2) throw new IllegalArgumentException("the file makes " + splits.size() + " split(s)");
        State start = trainer.emptyState(schema);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 3; round++) {
                for (int sync : new int[] {8, 64}) {
                    for (boolean encode : new boolean[] {false, true}) {
                        long t0 = System.nanoTime();
                        Pass one = train(trainer, splits.get(0), format, schema, start, sync, encode);
                        double oneSeconds = (System.nanoTime() - t0) / 1e9;
                        t0 = System.nanoTime();
                        Future<Pass> a = pool.submit(() -> train(trainer, splits.get(0), format, schema, start, sync,
                                encode));
                        Future<Pass> b = pool.submit(() -> train(trainer, splits.get(1), format, schema, start, sync,
                                encode));
                        Pass pa = a.get();
                        Pass pb = b.get();
                        double twoSeconds = (System.nanoTime() - t0) / 1e9;
                        System.out.printf("round %d, sync every %d batches, states encoded: %s; one thread %.2f s,"
                                        + " %.0f documents/s, boundaries %.0f ms; two threads %.2f s, %.0f documents/s"
                                        + " each, boundaries %.0f ms each%n", round, sync, encode, oneSeconds,
                                one.documents / oneSeconds, one.boundaryNanos / 1e6, twoSeconds,
                                (pa.documents + pb.documents) / twoSeconds / 2,
                                (pa.boundaryNanos + pb.boundaryNanos) / 2e6);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private record Pass(long documents, long boundaryNanos) {}

    private static Pass train(Trainer trainer, Split split, DataFormat format, DataSchema schema, State start,
                              int sync, boolean encode) {
        long documents = 0;
        long boundaryNanos = 0;
        State base = start;
        try (SplitSession session = trainer.open(split, format, schema, 0)) {
            for (int segment = 0; ; segment++) {
                SplitSession.Segment out = session.train(base, segment, sync, new AtomicLong(), () -> false);
                long b0 = System.nanoTime();
                State partial = encode ? trainer.decodeState(trainer.encodeState(out.partial())) : out.partial();
                base = trainer.completeEpoch(base, partial);
                if (encode) base = trainer.decodeState(trainer.encodeState(base));
                boundaryNanos += System.nanoTime() - b0;
                documents += out.records();
                if (out.finished()) return new Pass(documents, boundaryNanos);
            }
        }
    }
}
