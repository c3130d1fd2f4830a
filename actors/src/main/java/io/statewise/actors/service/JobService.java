package io.statewise.actors.service;

import io.statewise.actors.history.EventPage;
import io.statewise.actors.history.HistoricModel;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.actors.job.ModelVersion;
import io.statewise.actors.online.RecordsAccepted;
import io.statewise.algorithms.Prediction;
import io.statewise.algorithms.data.RecordStreams;
import io.statewise.algorithms.tuning.TuneRequest;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The runtime's API for the operations layer (HTTP, CLI): every call is asynchronous and never blocks the caller.
 * Stages fail with {@link JobRejectedException} (bad spec or input: a client error), {@link JobNotFoundException}
 * or {@link ModelNotReadyException}; anything else is a server error.
 */
public interface JobService {

    /** Validates and plans {@code spec} (paths, schema, hyperparameters), then starts a new job. */
    CompletionStage<JobStatus> submit(JobSpec spec);

    /** The current status of one job. */
    CompletionStage<JobStatus> status(String jobId);

    /** Every job this cluster's journal knows, newest first. */
    CompletionStage<List<JobStatus>> list();

    /** Cancels a job that is still running (no-op for finished jobs); returns its status after. */
    CompletionStage<JobStatus> cancel(String jobId);

    /** The trained model of a completed job, or of an online job's current state (finalized on demand). */
    CompletionStage<TrainedModel> model(String jobId);

    /**
     * One page of a job's event history (type, time, counts; no payloads), read from the journal.
     *
     * @param from  the first sequence number, from 1
     * @param limit the most events, 1..1000
     */
    CompletionStage<EventPage> events(String jobId, long from, int limit);

    /** Every model version of a job, oldest first (empty before its first model). */
    CompletionStage<List<ModelVersion>> versions(String jobId);

    /**
     * The model as of event {@code sequenceNr}, rebuilt by replaying the job's events up to it: the model version in
     * force then, or the replayed state finalized. Fails with JobRejectedException beyond the last event, with
     * ModelNotReadyException when there is nothing to finalize yet.
     */
    CompletionStage<HistoricModel> modelAsOf(String jobId, long sequenceNr);

    /** Model version {@code version} as the job stored it (JobRejectedException if it has no such version). */
    CompletionStage<HistoricModel> modelVersion(String jobId, int version);

    /**
     * Adds training data to a completed job: only the new files are planned and read, their partial states are
     * merged into the stored state, and a new model version is finalized. Fails with JobRejectedException for data of
     * another format or dimension, files the job already read, or a job that cannot take data (not completed, more
     * than one epoch).
     */
    CompletionStage<JobStatus> addData(String jobId, DataInput data);

    /**
     * Folds the records of {@code records} (a request body, read as it arrives) into online job {@code jobId} and
     * acknowledges them once all are checkpointed. Fails with JobRejectedException for a job that is not online or a
     * malformed record (the message names its line and field, and what was checkpointed before it).
     */
    CompletionStage<RecordsAccepted> postRecords(String jobId, RecordStreams.Syntax syntax,
                                                 Source<ByteString, ?> records);

    /**
     * Ends an online job's online phase: its model is finalized from the records merged so far and stored as its
     * model version; returns the status after. Fails with JobRejectedException if the job is not online.
     */
    CompletionStage<JobStatus> close(String jobId);

    /**
     * Tunes a completed job from its stored state: a finalize-time sweep of one hyperparameter, scored on the job's
     * validation data when it has some, the choice stored as the job's next model version. Fails with
     * JobRejectedException for a request the algorithm refuses, ModelNotReadyException unless the job completed.
     */
    CompletionStage<TuneOutcome> tune(String jobId, TuneRequest request);

    /**
     * Predictions of a completed job's model for {@code rows}.
     *
     * @param rows records of the model's feature dimension (fails with JobRejectedException otherwise)
     */
    CompletionStage<List<Prediction>> predict(String jobId, List<float[]> rows);

    /**
     * Predictions of a completed job's model for documents of raw text (a topic model: topic proportions).
     *
     * @param documents one document per entry (fails with JobRejectedException if the model does not read text)
     */
    CompletionStage<List<Prediction>> predictDocuments(String jobId, List<String> documents);

    /**
     * Forecasts of a completed job's model for time series, each a series object in SageMaker DeepAR's JSON Lines
     * shape ({@code start}, {@code target}, optional {@code cat} and {@code dynamic_feat}).
     *
     * @param series one JSON object per series (fails with JobRejectedException naming the instance if one is
     *               malformed or does not fit the model, or if the model does not forecast)
     */
    CompletionStage<List<Prediction>> predictSeries(String jobId, List<String> series);
}
