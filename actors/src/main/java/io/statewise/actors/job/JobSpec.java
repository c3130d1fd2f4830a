package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a client asks to train. Validated by {@link JobPlanner} before the job is created; carried in the job's first
 * event, so it must stay backward compatible (new fields are {@code Optional}).
 *
 * @param algorithm       registered algorithm name, e.g. {@code kmeans}
 * @param hyperParameters raw hyperparameter values by name (validated against the algorithm's spec)
 * @param train           training data
 * @param validation      optional validation data (evaluated on the final model)
 * @param test            optional test data (evaluated on the final model)
 * @param parallelism     worker slots; 0 means auto: the worker slots every worker node offers (by default one
 *                        per core), re-evaluated whenever the cluster's membership changes
 * @param maxBadRecords   malformed rows the job may skip before it fails
 * @param splitSizeBytes  target size of a plain-file split; 0 means the configured default
 * @param base            the id of a completed job whose trained state this job starts from (its data is not read
 *                        again); empty for a job that starts from nothing
 * @param online          whether the job takes its records from clients ({@code POST /v1/jobs/{id}/records}) rather
 *                        than files: {@code train} then has no paths and describes the records (features, label
 *                        column); false in events written before online jobs
 */
public record JobSpec(String algorithm, Map<String, String> hyperParameters, DataInput train,
                      Optional<DataInput> validation, Optional<DataInput> test, int parallelism, long maxBadRecords,
                      long splitSizeBytes, Optional<String> base, boolean online) implements CborSerializable {

    /** A batch job (reads files). */
    public JobSpec(String algorithm, Map<String, String> hyperParameters, DataInput train,
                   Optional<DataInput> validation, Optional<DataInput> test, int parallelism, long maxBadRecords,
                   long splitSizeBytes, Optional<String> base) {
        this(algorithm, hyperParameters, train, validation, test, parallelism, maxBadRecords, splitSizeBytes, base,
                false);
    }

    /** A job that starts from nothing. */
    public JobSpec(String algorithm, Map<String, String> hyperParameters, DataInput train,
                   Optional<DataInput> validation, Optional<DataInput> test, int parallelism, long maxBadRecords,
                   long splitSizeBytes) {
        this(algorithm, hyperParameters, train, validation, test, parallelism, maxBadRecords, splitSizeBytes,
                Optional.empty());
    }

    public JobSpec {
        base = base == null ? Optional.empty() : base;
        hyperParameters = Map.copyOf(new TreeMap<>(hyperParameters));
        validation = validation == null ? Optional.empty() : validation;
        test = test == null ? Optional.empty() : test;
        if (parallelism < 0) throw new IllegalArgumentException("parallelism must be >= 0, got " + parallelism);
        if (maxBadRecords < 0) throw new IllegalArgumentException("maxBadRecords must be >= 0, got " + maxBadRecords);
        if (splitSizeBytes < 0) throw new IllegalArgumentException("splitSizeBytes must be >= 0, got "
                + splitSizeBytes);
    }
}
