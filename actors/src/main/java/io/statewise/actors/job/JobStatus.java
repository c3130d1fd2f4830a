package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot of a job's progress, as clients see it.
 *
 * @param jobId            the job's id
 * @param algorithm        its algorithm
 * @param phase            where it is
 * @param epoch            current epoch, 1-based (the last one once training is over)
 * @param epochs           epochs to run
 * @param splitsDone       splits merged in the current epoch
 * @param splitsTotal      splits per epoch
 * @param records          records merged over all epochs
 * @param recordsPerSecond training throughput since the job (re)started on this node
 * @param badRecords       malformed rows skipped
 * @param metrics          metrics of the final model ({@code validation_*}, {@code test_*}), empty before
 * @param error            why the job failed
 * @param submittedAt      when it was submitted
 * @param finishedAt       when it completed, failed or was cancelled
 * @param epochReports     what each completed epoch reported (e.g. training and validation losses), in order
 * @param splitsByNode     splits merged so far (all epochs) by the cluster node ({@code pekko://statewise@host:port})
 *                         whose worker computed them: where the work ran
 * @param bytesRead        bytes of training splits handed to workers since the job started on its current node (a
 *                         split handed out again counts again); not persisted
 * @param bytesReread      of those, bytes of splits handed out again because a lease was lost (a worker died, left
 *                         or stalled): work done twice
 */
public record JobStatus(String jobId, String algorithm, JobPhase phase, int epoch, int epochs, int splitsDone,
                        int splitsTotal, long records, double recordsPerSecond, long badRecords,
                        Map<String, Double> metrics, Optional<String> error, Instant submittedAt,
                        Optional<Instant> finishedAt, List<EpochReport> epochReports,
                        Map<String, Long> splitsByNode, long bytesRead, long bytesReread)
        implements CborSerializable {
    public JobStatus {
        metrics = Map.copyOf(metrics);
        epochReports = List.copyOf(epochReports);
        splitsByNode = splitsByNode == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(splitsByNode));
    }
}
