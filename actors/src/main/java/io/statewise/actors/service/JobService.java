package io.statewise.actors.service;

import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.JobStatus;
import io.statewise.algorithms.Prediction;
import java.util.List;
import java.util.concurrent.CompletionStage;

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

    /** The trained model of a completed job. */
    CompletionStage<TrainedModel> model(String jobId);

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
