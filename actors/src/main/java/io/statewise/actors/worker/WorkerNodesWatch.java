package io.statewise.actors.worker;

import io.statewise.actors.job.WorkerNodes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.cluster.typed.Unsubscribe;

/**
 * Follows cluster membership and reachability for one job (its child) and sends it {@link WorkerNodes} at once and
 * whenever they change.
 */
final class WorkerNodesWatch extends AbstractBehavior<Object> {

    static Behavior<Object> create(ActorRef<WorkerNodes> subscriber) {
        return Behaviors.setup(ctx -> new WorkerNodesWatch(ctx, subscriber));
    }

    private final ActorRef<WorkerNodes> subscriber;
    private final Map<Address, Member> members = new HashMap<>();
    private final Set<Address> unreachable = new HashSet<>();
    private WorkerNodes last;

    private WorkerNodesWatch(ActorContext<Object> ctx, ActorRef<WorkerNodes> subscriber) {
        super(ctx);
        this.subscriber = subscriber;
        Cluster cluster = Cluster.get(ctx.getSystem());
        // Start from the current state: the subscription replays it as one event per member, and reporting each
        // would make the job shrink and grow its slots while the replay runs.
        onState(cluster.state());
        cluster.subscriptions().tell(Subscribe.create(ctx.getSelf().narrow(), ClusterEvent.MemberEvent.class));
        cluster.subscriptions().tell(Subscribe.create(ctx.getSelf().narrow(), ClusterEvent.ReachabilityEvent.class));
    }

    @Override
    public Receive<Object> createReceive() {
        return newReceiveBuilder()
                .onMessage(ClusterEvent.CurrentClusterState.class, this::onState)
                .onMessage(ClusterEvent.MemberRemoved.class, e -> changed(() -> {
                    members.remove(e.member().address());
                    unreachable.remove(e.member().address());
                }))
                .onMessage(ClusterEvent.MemberEvent.class, e -> changed(() -> members.put(e.member().address(),
                        e.member())))
                .onMessage(ClusterEvent.UnreachableMember.class, e -> changed(() -> {
                    members.putIfAbsent(e.member().address(), e.member());
                    unreachable.add(e.member().address());
                }))
                .onMessage(ClusterEvent.ReachableMember.class, e -> changed(() ->
                        unreachable.remove(e.member().address())))
                .onSignal(org.apache.pekko.actor.typed.PostStop.class, s -> {
                    Cluster.get(getContext().getSystem()).subscriptions()
                            .tell(new Unsubscribe<>(getContext().getSelf()));
                    return this;
                })
                .build();
    }

    private Behavior<Object> onState(ClusterEvent.CurrentClusterState state) {
        return changed(() -> {
            members.clear();
            state.getMembers().forEach(m -> members.put(m.address(), m));
            unreachable.clear();
            state.getUnreachable().forEach(m -> unreachable.add(m.address()));
        });
    }

    private Behavior<Object> changed(Runnable update) {
        update.run();
        WorkerNodes now = WorkerCapacity.of(members.values().stream()
                .map(m -> new WorkerCapacity.Member(m.address().toString(), m.status() == MemberStatus.up(),
                        !unreachable.contains(m.address()), m.getRoles()))
                .toList());
        if (!now.equals(last)) {
            last = now;
            subscriber.tell(now);
        }
        return this;
    }
}
