package io.statewise.actors.node;

import io.statewise.actors.job.TrainingJob;
import io.statewise.actors.service.Relay;
import io.statewise.actors.worker.Worker;
import io.statewise.actors.worker.WorkerCapacity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.pattern.Patterns;
import scala.concurrent.duration.FiniteDuration;

/** Builds {@link ClusterView}s of a node's cluster from its membership state and Cluster Sharding's statistics. */
public final class ClusterStatus {

    private static final Duration STATS_TIMEOUT = Duration.ofSeconds(3);

    private final ActorSystem<?> system;

    public ClusterStatus(ActorSystem<?> system) {
        this.system = system;
    }

    /** The cluster now. */
    public CompletionStage<ClusterView> view() {
        return entitiesPerMember(TrainingJob.TYPE_KEY).thenCombine(entitiesPerMember(Worker.TYPE_KEY),
                (jobs, workers) -> {
                    ClusterEvent.CurrentClusterState state = Cluster.get(system).state();
                    Set<Member> unreachable = state.getUnreachable();
                    List<ClusterView.Member> members = new ArrayList<>();
                    for (Member m : StreamSupport.stream(state.getMembers().spliterator(), false)
                            .sorted((a, b) -> a.address().toString().compareTo(b.address().toString())).toList()) {
                        List<String> roles = m.getRoles().stream()
                                .filter(r -> !WorkerCapacity.isSlotsRole(r)).sorted().toList();
                        members.add(new ClusterView.Member(m.address().toString(),
                                m.status().toString().toLowerCase(Locale.ROOT), roles, !unreachable.contains(m),
                                jobs.getOrDefault(m.address(), 0), workers.getOrDefault(m.address(), 0),
                                WorkerCapacity.slotsOf(m.getRoles())));
                    }
                    Optional<String> leader = Optional.ofNullable(state.getLeader()).map(Address::toString);
                    return new ClusterView(Cluster.get(system).selfMember().address().toString(), leader, members);
                });
    }

    /**
     * Entities of {@code type} running on each member, from the shard regions that answered in time. Asked of the
     * classic region (or proxy): typed sharding's query answers nothing on a node that only proxies the type (an API
     * node without the worker role).
     */
    private CompletionStage<Map<Address, Integer>> entitiesPerMember(EntityTypeKey<?> type) {
        ActorRef region = ClusterSharding.get(Adapter.toClassic(system)).shardRegion(type.name());
        FiniteDuration wait = FiniteDuration.create(STATS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        // Relayed: the ask's own stage would run the dependents below on the default asynchronous executor.
        return Relay.on(system.executionContext(),
                        Patterns.ask(region, new ShardRegion.GetClusterShardingStats(wait),
                                STATS_TIMEOUT.plusSeconds(1)))
                .thenApply(reply -> {
                    Map<Address, Integer> out = new HashMap<>();
                    ((ShardRegion.ClusterShardingStats) reply).getRegions().forEach((address, stats) -> out.put(
                            address, stats.getStats().values().stream().mapToInt(v -> ((Number) v).intValue()).sum()));
                    return out;
                });
    }
}
