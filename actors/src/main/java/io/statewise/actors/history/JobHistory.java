package io.statewise.actors.history;

import io.statewise.actors.job.EventSummary;
import io.statewise.actors.job.JobEvent;
import io.statewise.actors.job.JobFold;
import io.statewise.actors.job.JobState;
import io.statewise.actors.job.ModelVersion;
import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.service.JobNotFoundException;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.actors.service.Relay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A job's history, read from the journal through the JDBC read journal ({@code currentEventsByPersistenceId}): it
 * needs the database only, not the job entity nor a cluster, so it also serves {@code statewise replay}. Replay
 * folds the events with the job's own {@link JobFold}, one at a time on {@code compute} (never on a stream's
 * actor), so memory holds one event and the state.
 *
 * <p>Thread-safe. Every answer is asynchronous; unknown jobs fail with {@link JobNotFoundException}, sequence numbers
 * and versions a job does not have with {@link JobRejectedException}.
 */
public final class JobHistory {

    /** The largest page of {@link #events}. */
    public static final int MAX_PAGE = 1000;

    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;
    private final Executor compute;
    /** Where dependents of the streams' results run (see {@link Relay}). */
    private final Executor replies;

    /**
     * A reader of the journal {@code system} is configured with ({@code jdbc-read-journal}).
     *
     * @param compute where events are folded and models finalized
     */
    public JobHistory(ActorSystem<?> system, Executor compute) {
        this.system = system;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
                JdbcReadJournal.Identifier());
        this.compute = compute;
        this.replies = system.executionContext();
    }

    /**
     * Up to {@code limit} events from sequence number {@code from}, summarized (no payloads).
     *
     * @throws JobRejectedException (in the stage) if {@code from < 1} or {@code limit} is not in 1..{@link #MAX_PAGE}
     */
    public CompletionStage<EventPage> events(String jobId, long from, int limit) {
        if (from < 1) return rejected("from", "from must be >= 1, got " + from);
        if (limit < 1 || limit > MAX_PAGE) {
            return rejected("limit", "limit must be in 1.." + MAX_PAGE + ", got " + limit);
        }
        // One event more than the page tells whether there is a next page.
        long to = from > Long.MAX_VALUE - limit ? Long.MAX_VALUE : from + limit;
        return relay(envelopes(jobId, from, to).map(e -> EventSummary.of(e.sequenceNr(), event(e)))
                        .runWith(Sink.seq(), system))
                .thenCompose(all -> all.isEmpty() && from > 1 ? exists(jobId).thenApply(x -> all)
                        : CompletableFuture.completedFuture(all))
                .thenApply(all -> {
                    if (all.isEmpty() && from == 1) throw new JobNotFoundException(jobId);
                    boolean more = all.size() > limit;
                    List<EventSummary> page = more ? all.subList(0, limit) : all;
                    return new EventPage(page, more ? Optional.of(from + limit) : Optional.empty());
                });
    }

    /** Every model version of the job, oldest first; empty if it has none yet. */
    public CompletionStage<List<ModelVersion>> versions(String jobId) {
        // One pass: whether the job has events at all, and the versions among them.
        return relay(envelopes(jobId, 1, Long.MAX_VALUE)
                .runFold(new Versions(), (acc, e) -> acc.add(e.sequenceNr(), event(e)), system))
                .thenApply(acc -> {
                    if (!acc.any) throw new JobNotFoundException(jobId);
                    return List.copyOf(acc.all);
                });
    }

    /** The fold of {@link #versions}; fed by one stream, in order. */
    private static final class Versions {
        private final List<ModelVersion> all = new ArrayList<>();
        private boolean any;

        Versions add(long sequenceNr, JobEvent event) {
            any = true;
            ModelVersion.of(sequenceNr, event).ifPresent(all::add);
            return this;
        }
    }

    /**
     * The stored model of version {@code version}, exactly as the job stored it, with the job's records at the time
     * (a replay up to the event that stored it).
     *
     * @throws JobRejectedException (in the stage, field {@code version}) if the job has no such version
     */
    public CompletionStage<HistoricModel> modelVersion(String jobId, int version) {
        return versions(jobId).thenCompose(all -> {
            for (ModelVersion v : all) {
                if (v.version() == version) return modelAsOf(jobId, v.sequenceNr());
            }
            return rejected("version", "job '" + jobId + "' has no model version " + version + "; it has "
                    + (all.isEmpty() ? "none yet" : "1.." + all.get(all.size() - 1).version()));
        });
    }

    /**
     * The model as of event {@code asOf}: the model version in force then, read back from the event that stored it,
     * or, before the first version, the state rebuilt by replaying events 1..asOf and finalized
     * ({@link Replayed#model}). The first needs one pass over the events that folds nothing ({@link VersionScan}).
     *
     * @throws JobRejectedException (in the stage, field {@code asOf}) if {@code asOf < 1} or beyond the last event
     */
    public CompletionStage<HistoricModel> modelAsOf(String jobId, long asOf) {
        if (asOf < 1) return rejected("asOf", "asOf must be a sequence number >= 1, got " + asOf);
        VersionScan scan = new VersionScan();
        return relay(envelopes(jobId, 1, asOf).runForeach(e -> scan.add(e.sequenceNr(), event(e)), system))
                .thenCompose(done -> {
                    checkReached(jobId, asOf, scan.last());
                    return CompletableFuture.supplyAsync(() -> scan.storedModel(jobId), compute);
                })
                .thenCompose(stored -> stored.isPresent() ? CompletableFuture.completedFuture(stored.get())
                        : replay(jobId, asOf).thenApplyAsync(Replayed::model, compute));
    }

    /**
     * The job's state after replaying events 1..{@code asOf} ({@code Long.MAX_VALUE}: every event).
     *
     * @throws JobRejectedException (in the stage, field {@code asOf}) if {@code asOf < 1} or beyond the last event
     */
    public CompletionStage<Replayed> replay(String jobId, long asOf) {
        if (asOf < 1) return rejected("asOf", "asOf must be a sequence number >= 1, got " + asOf);
        JobFold fold = new JobFold();
        Folding folding = new Folding(fold);
        return relay(envelopes(jobId, 1, asOf)
                        .mapAsync(1, e -> CompletableFuture.runAsync(() -> folding.apply(e), compute))
                        .runWith(Sink.ignore(), system))
                .thenApply(done -> {
                    checkReached(jobId, asOf, folding.last);
                    return new Replayed(jobId, folding.last, folding.state, fold);
                });
    }

    /** Fails unless the job has events and, for a bounded replay, event {@code asOf}. */
    private static void checkReached(String jobId, long asOf, long last) {
        if (last == 0) throw new JobNotFoundException(jobId);
        if (asOf != Long.MAX_VALUE && last < asOf) {
            throw new JobRejectedException("asOf", "asOf " + asOf + " is beyond the last event of job '" + jobId
                    + "' (" + last + ")");
        }
    }

    /** The events of one job between two sequence numbers (inclusive), as stored. */
    private Source<EventEnvelope, ?> envelopes(String jobId, long from, long to) {
        return journal.currentEventsByPersistenceId(persistenceId(jobId), from, to);
    }

    /** Completes if the job has events, fails with {@link JobNotFoundException} otherwise. */
    private CompletionStage<Boolean> exists(String jobId) {
        return relay(envelopes(jobId, 1, 1).runWith(Sink.headOption(), system)).thenApply(first -> {
            if (first.isEmpty()) throw new JobNotFoundException(jobId);
            return true;
        });
    }

    /** {@code stage}, completed on {@link #replies}. */
    private <T> CompletableFuture<T> relay(CompletionStage<T> stage) {
        return Relay.on(replies, stage);
    }

    private static JobEvent event(EventEnvelope envelope) {
        return (JobEvent) envelope.event();
    }

    private static String persistenceId(String jobId) {
        return PersistenceId.of(TrainingJob.TYPE_KEY.name(), jobId).id();
    }

    private static <T> CompletionStage<T> rejected(String field, String message) {
        return CompletableFuture.failedFuture(new JobRejectedException(field, message));
    }

    /** The fold's progress; touched by one task at a time (mapAsync with parallelism 1 orders them). */
    private static final class Folding {
        private final JobFold fold;
        private volatile JobState state = new JobState.Empty();
        private volatile long last;

        Folding(JobFold fold) {
            this.fold = fold;
        }

        void apply(EventEnvelope e) {
            state = fold.apply(state, event(e));
            last = e.sequenceNr();
        }
    }
}
