package io.statewise.actors.history;

import io.statewise.actors.job.JobFold;
import io.statewise.actors.job.JobState;
import io.statewise.actors.service.ModelNotReadyException;
import io.statewise.algorithms.Model;
import io.statewise.algorithms.State;
import io.statewise.algorithms.training.Trainer;
import java.util.Map;
import java.util.Optional;

/**
 * A job's state rebuilt by replaying its events up to one of them, and the fold that rebuilt it (which holds the
 * job's configured algorithm).
 *
 * @param jobId      the job
 * @param sequenceNr the last event replayed
 * @param state      the job's state after it
 * @param fold       the fold the events went through
 */
public record Replayed(String jobId, long sequenceNr, JobState state, JobFold fold) {

    /**
     * The model as of the replayed event: the stored model version in force then, else the replayed trained state
     * finalized with the job's hyperparameters (no validation data is read, so the metrics are empty). CPU-bound:
     * call it off actor threads.
     *
     * @throws ModelNotReadyException if there is no stored model and the state cannot be finalized yet (e.g. no
     *                                record merged)
     */
    public HistoricModel model() {
        if (state instanceof JobState.Finished f && f.model().isPresent()) {
            Model model = Trainer.decodeModel(f.spec().algorithm(), f.model().get());
            return new HistoricModel(jobId, f.spec().algorithm(), sequenceNr, Optional.of(f.currentVersion()),
                    f.records(), f.metrics(), model);
        }
        State trained = trainedState().orElseThrow(() -> new ModelNotReadyException("job '" + jobId
                + "' has no state as of event " + sequenceNr));
        String algorithm = algorithm();
        Model model;
        try {
            model = fold.trainer(spec()).finalizeModel(trained);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelNotReadyException("job '" + jobId + "' has no model as of event " + sequenceNr + ": "
                    + e.getMessage());
        }
        return new HistoricModel(jobId, algorithm, sequenceNr, Optional.empty(), records(), Map.of(), model);
    }

    /** The trained state as of the replayed event ({@link JobFold#trainedState}). */
    public Optional<State> trainedState() {
        return fold.trainedState(state);
    }

    /** The job's algorithm. */
    public String algorithm() {
        return spec().algorithm();
    }

    /** The job's spec. */
    public io.statewise.actors.job.JobSpec spec() {
        if (state instanceof JobState.Running r) return r.spec();
        if (state instanceof JobState.Finished f) return f.spec();
        if (state instanceof JobState.Online o) return o.spec();
        throw new IllegalStateException("no job '" + jobId + "' as of event " + sequenceNr);
    }

    private long records() {
        if (state instanceof JobState.Running r) return r.records();
        if (state instanceof JobState.Online o) return o.records();
        return ((JobState.Finished) state).records();
    }
}
