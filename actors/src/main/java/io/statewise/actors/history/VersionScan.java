package io.statewise.actors.history;

import io.statewise.actors.job.JobEvent;
import io.statewise.actors.job.ModelVersion;
import io.statewise.algorithms.training.Trainer;
import java.util.Optional;

/**
 * A pass over a job's events that folds nothing: the algorithm, the records merged, the last event and the last
 * model version stored. A model as of an event at or after a stored version is that version, so it needs no replay
 * of the merges (the state's records are the sum of the merged events' records, as the fold counts them).
 *
 * <p>Mutable; fed by one stream, in order.
 */
final class VersionScan {
    private String algorithm;
    private long records;
    private long last;
    private ModelVersion version;
    private byte[] model;
    private long recordsAtVersion;

    void add(long sequenceNr, JobEvent event) {
        last = sequenceNr;
        if (event instanceof JobEvent.JobSubmitted e) algorithm = e.spec().algorithm();
        if (event instanceof JobEvent.SplitMerged e) records += e.records();
        if (event instanceof JobEvent.SegmentMerged e) records += e.records();
        // Added data makes the job train again: its state is no longer the stored version's.
        if (event instanceof JobEvent.DataAdded) version = null;
        Optional<ModelVersion> v = ModelVersion.of(sequenceNr, event);
        if (v.isPresent()) {
            version = v.get();
            model = ModelVersion.model(event).orElseThrow();
            recordsAtVersion = records;
        }
    }

    /** The last event scanned; 0 if none. */
    long last() {
        return last;
    }

    /** The model version in force after the scanned events, decoded; empty before the first version. */
    Optional<HistoricModel> storedModel(String jobId) {
        if (version == null) return Optional.empty();
        return Optional.of(new HistoricModel(jobId, algorithm, last, Optional.of(version.version()),
                recordsAtVersion, version.metrics(), Trainer.decodeModel(algorithm, model)));
    }
}
