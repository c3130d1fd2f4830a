package io.statewise.actors.job;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.training.Trainer;
import java.util.List;

/**
 * Checks the spec of an online job ({@link JobSpec#online()}): its {@code train} input names no files but describes
 * the records clients will post (dense numbers: {@code features}, and {@code label_column} or none), and its algorithm
 * must merge a partial state per batch of records, as incremental training needs ({@link JobTransitions}): a
 * single-pass algorithm such as k-means or PCA. Errors name the request field.
 */
final class OnlineRecords {

    private OnlineRecords() {}

    /** The records' input, resolved without files: its schema comes from the declared features. */
    static JobPlanner.Resolved resolve(JobSpec spec) {
        DataInput records = spec.train();
        if (!records.paths().isEmpty()) {
            throw new JobRejectedException("train.paths", "an online job reads the records posted to it, not files: "
                    + "leave out 'train.paths' (to start from data already trained, name that job in 'base')");
        }
        if (!records.format().equals(DataInput.CSV)) {
            throw new JobRejectedException("train.format", "an online job's records are dense numbers (posted as CSV "
                    + "or JSON Lines): 'train.format' must be csv (the default), got " + records.format());
        }
        if (records.header()) {
            throw new JobRejectedException("train.header", "posted records have no header line");
        }
        int features = records.features().orElseThrow(() -> new JobRejectedException("train.features",
                "an online job needs 'train.features', the number of features of every record posted to it"));
        DataSchema schema = new DataSchema(features, records.labelColumn() >= 0);
        if (records.labelColumn() > features) {
            throw new JobRejectedException("train.label_column", "label column " + records.labelColumn()
                    + " (0-based) is outside the " + (features + 1) + " columns of a labeled record");
        }
        InputFormat format = InputFormat.of(records);
        CsvFormat csv = (CsvFormat) format.toDataFormat();
        return new JobPlanner.Resolved("train", format, csv, List.of(), schema);
    }

    /** Rejects an algorithm whose state cannot take records batch by batch. */
    static void checkMergeable(Trainer trainer, JobPlan plan) {
        new JobTransitions(trainer).incrementalRefusal(plan).ifPresent(why -> {
            throw new JobRejectedException("mode", "online mode needs an algorithm that merges the state of each "
                    + "batch of records in one pass (k-means, PCA): " + why);
        });
    }
}
