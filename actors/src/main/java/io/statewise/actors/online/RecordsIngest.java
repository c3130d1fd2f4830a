package io.statewise.actors.online;

import io.statewise.actors.job.JobDefinition;
import io.statewise.actors.job.JobPlan;
import io.statewise.actors.job.JobPlanner;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobView;
import io.statewise.actors.job.OnlineCheckpoint;
import io.statewise.actors.job.OnlineRefusal;
import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.State;
import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.RecordStreams;
import io.statewise.algorithms.data.SplitReader;
import io.statewise.algorithms.training.SplitSession;
import io.statewise.algorithms.training.Trainer;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamConverters;
import org.apache.pekko.util.ByteString;

/**
 * Feeds the records of one request into an online job. The request body is read as it arrives through a
 * back-pressured {@link InputStream} (Pekko Streams: the body is pulled only as fast as it is folded, so a fast client
 * is slowed down through TCP rather than buffered), parsed by the batch readers' allocation-free parsers
 * ({@link RecordStreams}) and folded into a partial state in mini-batches, on the records dispatcher, never on an
 * actor thread. Every {@code checkpoint-records} records or {@code checkpoint-interval} (checked between
 * mini-batches) the partial goes to the job, which persists it ({@link TrainingJob.MergeRecords}); reading goes on once
 * it is persisted. The records are never stored.
 *
 * <p>The answer acknowledges the request's records once all are persisted. When the client disconnects (or a record
 * is malformed beyond {@code max_bad_records}) the records of checkpoints already persisted stay merged, the
 * mini-batches since are dropped, and the job's {@code records} count says where the stream stopped.
 */
public final class RecordsIngest {

    /** The name records are given in error messages (as a file's name would be). */
    static final String STREAM_NAME = "records";

    private final ClusterSharding sharding;
    private final ActorSystem<?> system;
    private final OnlineSettings settings;
    private final Duration askTimeout;
    private final Executor readers;

    public RecordsIngest(ActorSystem<?> system, OnlineSettings settings, Duration askTimeout) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.settings = settings;
        this.askTimeout = askTimeout;
        this.readers = system.dispatchers().lookup(DispatcherSelector.fromConfig(OnlineSettings.RECORDS_DISPATCHER));
    }

    /**
     * Folds the records of {@code body} into online job {@code jobId}.
     *
     * @return the acknowledgement; fails with {@link JobNotFoundException}, or {@link JobRejectedException} for a job
     *         that is not online or a malformed record (naming its line and field, and what was checkpointed before)
     */
    public CompletionStage<RecordsAccepted> post(String jobId, RecordStreams.Syntax syntax,
                                                 Source<ByteString, ?> body) {
        // The body is subscribed to at once (an HTTP entity not subscribed to within its timeout fails, and a job
        // may take a while to recover); it waits, back-pressured, while the job is checked.
        InputStream records = body.runWith(StreamConverters.asInputStream(settings.readTimeout()), system);
        EntityRef<TrainingJob.Command> job = sharding.entityRefFor(TrainingJob.TYPE_KEY, jobId);
        CompletionStage<JobDefinition> definition = job.ask(TrainingJob.GetDefinition::new, askTimeout);
        CompletionStage<JobView> view = job.ask(TrainingJob.GetStatus::new, askTimeout);
        return definition.thenCombine(view, (d, v) -> {
            if (d.spec().isEmpty() || v.status().isEmpty()) throw new JobNotFoundException(jobId);
            OnlineRefusal.of(jobId, d.spec(), v.status().get().phase()).ifPresent(why -> {
                throw new JobRejectedException(null, why);
            });
            return d;
        }).whenComplete((d, refused) -> {
            if (refused != null) closeQuietly(records);
        }).thenApplyAsync(d -> fold(job, jobId, d.spec().orElseThrow(), d.plan().orElseThrow(), syntax, records),
                readers);
    }

    /** Cancels the body of a refused request. */
    private static void closeQuietly(InputStream records) {
        try {
            records.close();
        } catch (java.io.IOException e) {
            // Closing only cancels the body's stream; there is nothing to report.
        }
    }

    /** Reads, folds and checkpoints the whole stream; blocks its thread (one of the records dispatcher's). */
    private RecordsAccepted fold(EntityRef<TrainingJob.Command> job, String jobId, JobSpec spec, JobPlan plan,
                                 RecordStreams.Syntax syntax, InputStream records) {
        Trainer trainer = JobPlanner.trainerFor(spec);
        int miniBatch = trainer.schedule().miniBatchSize();
        int batchesPerCheckpoint = (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                (settings.checkpointRecords() + miniBatch - 1) / miniBatch));
        Progress progress = new Progress();
        try (SplitReader reader = RecordStreams.open(syntax, STREAM_NAME, records, plan.schema(),
                spec.train().labelColumn(), spec.maxBadRecords());
             SplitSession session = trainer.open(reader, plan.schema())) {
            State empty = trainer.emptyState(plan.schema());
            AtomicLong read = new AtomicLong();
            for (int segment = 0; ; segment++) {
                long deadline = System.nanoTime() + settings.checkpointInterval().toNanos();
                SplitSession.Segment s = session.train(empty, plan.seedFor(1, segment), batchesPerCheckpoint,
                        deadline, read, () -> false);
                if (s.records() > 0 || s.badRecords() > 0) {
                    OnlineCheckpoint checkpoint = merge(job, trainer.encodeState(s.partial()), s);
                    progress.add(s, checkpoint);
                }
                if (s.finished()) break;
            }
        } catch (DataException e) {
            throw new JobRejectedException(STREAM_NAME, e.getMessage() + " (" + progress.describe() + ")", e);
        } catch (UncheckedIOException e) {
            // The body failed: the client went away (no one reads this answer) or sent nothing for read-timeout.
            throw new JobRejectedException(STREAM_NAME, "the request body ended early: " + e.getMessage() + " ("
                    + progress.describe() + ")", e);
        }
        return progress.accepted(jobId);
    }

    /** Sends one batch's partial to the job and waits until it is persisted. */
    private OnlineCheckpoint merge(EntityRef<TrainingJob.Command> job, byte[] partial, SplitSession.Segment s) {
        CompletionStage<OnlineCheckpoint> reply = job.askWithStatus(
                replyTo -> new TrainingJob.MergeRecords(partial, s.records(), s.badRecords(), replyTo), askTimeout);
        try {
            return reply.toCompletableFuture().get(askTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the job persisted records", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the job did not persist records within " + askTimeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusReply.ErrorMessage refusal) {
                throw new JobRejectedException(null, refusal.getMessage());
            }
            throw new IllegalStateException("the job could not persist records: " + e.getCause(), e.getCause());
        }
    }

    /** What a request has checkpointed so far. Confined to the reading thread. */
    private static final class Progress {
        private long records;
        private long badRecords;
        private int checkpoints;
        private long lastSequenceNr;
        private long jobRecords;

        void add(SplitSession.Segment s, OnlineCheckpoint checkpoint) {
            records += s.records();
            badRecords += s.badRecords();
            checkpoints++;
            lastSequenceNr = checkpoint.sequenceNr();
            jobRecords = checkpoint.records();
        }

        String describe() {
            String dropped = "the records since were dropped";
            return records == 0 ? "no record of this request was merged"
                    : records + " records of this request were merged and checkpointed before it, through event "
                    + lastSequenceNr + "; " + dropped;
        }

        RecordsAccepted accepted(String jobId) {
            return new RecordsAccepted(jobId, records, badRecords, checkpoints, lastSequenceNr, jobRecords);
        }
    }
}
