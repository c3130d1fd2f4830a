package io.statewise.actors.node;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.InputFormat;
import io.statewise.actors.job.JobEvent;
import io.statewise.actors.job.JobPlan;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.PlannedInput;
import io.statewise.actors.service.ShardedJobService;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.Split;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;

/**
 * Checks at start-up that the node can do its work, so that a misconfiguration fails the start rather than the first
 * job, and the first request is served at full speed:
 * <ul>
 *   <li>events serialize with Jackson CBOR and read back (never Java serialization);</li>
 *   <li>on a node that may host jobs, one round trip through the job shard region and the journal's recovery path
 *       (the status of an id no job uses: the entity recovers from an empty history, answers, and is
 *       passivated).</li>
 * </ul>
 */
final class NodeReadiness {

    /** An id no job can have (job ids are {@code <algorithm>-<12 hex digits>}). */
    static final String PROBE_ID = "readiness-probe";

    private NodeReadiness() {}

    /**
     * @param hostsJobs whether this node may host job entities; a node that may not (its cluster restricts them to
     *                  a role it lacks) skips the round trip, which would wait for a node that has the role
     */
    static void check(ActorSystem<?> system, ShardedJobService jobs, boolean hostsJobs, Duration timeout)
            throws Exception {
        checkSerialization(system);
        if (hostsJobs) jobs.find(PROBE_ID).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void checkSerialization(ActorSystem<?> system) {
        JobSpec spec = new JobSpec("kmeans", Map.of("k", "1"), DataInput.csv("probe.csv"), Optional.empty(),
                Optional.empty(), 1, 0, 0);
        JobPlan plan = new JobPlan(new DataSchema(1, false), new PlannedInput(InputFormat.of(spec.train()),
                List.of(new Split(0, "probe.csv", 0, 1, false))), Optional.empty(), Optional.empty(), 1, 0);
        JobEvent event = new JobEvent.JobSubmitted(PROBE_ID, spec, plan, Instant.EPOCH);
        Serialization serialization = SerializationExtension.get(system);
        var serializer = serialization.findSerializerFor(event);
        if (!serializer.getClass().getName().contains("Jackson")) {
            throw new IllegalStateException("job events would be serialized with " + serializer.getClass().getName()
                    + ", not Jackson CBOR: check pekko.actor.serialization-bindings");
        }
        byte[] bytes = serialization.serialize(event).get();
        Object back = serialization.deserialize(bytes, serializer.identifier(),
                Serializers.manifestFor(serializer, event)).get();
        if (!(back instanceof JobEvent.JobSubmitted)) {
            throw new IllegalStateException("job events do not read back: got " + back.getClass().getName());
        }
    }
}
