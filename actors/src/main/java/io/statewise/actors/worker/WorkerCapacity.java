package io.statewise.actors.worker;

import io.statewise.actors.job.WorkerNodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many worker slots the cluster offers: each node with the {@value #WORKER_ROLE} role announces its slots (by
 * default its available processors) in a role of its own, {@code worker-slots-N}, which membership carries to every
 * node with no further protocol. A job with {@code parallelism: auto} runs on the sum over the Up worker members.
 */
public final class WorkerCapacity {

    /** The role of nodes that host worker entities. */
    public static final String WORKER_ROLE = "worker";

    private static final String SLOTS_ROLE_PREFIX = "worker-slots-";

    /**
     * A cluster member as the capacity count needs it.
     *
     * @param address   its address
     * @param up        whether its status is Up
     * @param reachable whether the failure detector reaches it
     * @param roles     its roles
     */
    public record Member(String address, boolean up, boolean reachable, Set<String> roles) {
        public Member {
            roles = Set.copyOf(roles);
        }
    }

    private WorkerCapacity() {}

    /** The role that announces {@code slots} worker slots. */
    public static String slotsRole(int slots) {
        if (slots < 1) throw new IllegalArgumentException("worker slots must be >= 1, got " + slots);
        return SLOTS_ROLE_PREFIX + slots;
    }

    /** The worker slots a member with {@code roles} announces: none without the worker role, else at least 1. */
    public static int slotsOf(Set<String> roles) {
        if (!roles.contains(WORKER_ROLE)) return 0;
        return announced(roles).orElse(1);
    }

    /** The slot count in a {@code worker-slots-N} role among {@code roles}, if there is one. */
    public static Optional<Integer> announced(Set<String> roles) {
        for (String role : roles) {
            if (role.startsWith(SLOTS_ROLE_PREFIX)) {
                try {
                    return Optional.of(Integer.parseInt(role.substring(SLOTS_ROLE_PREFIX.length())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code role} is the internal slots announcement (not a role users gave). */
    public static boolean isSlotsRole(String role) {
        return role.startsWith(SLOTS_ROLE_PREFIX);
    }

    /**
     * The worker nodes of {@code members}: the slots of the Up worker members (reachable or not: an unreachable
     * member keeps its slots until it is downed and removed), the addresses of unreachable worker members, and those
     * of the Up, reachable ones.
     */
    public static WorkerNodes of(Collection<Member> members) {
        int slots = 0;
        Set<String> unreachable = new TreeSet<>();
        List<String> up = new ArrayList<>();
        for (Member m : members) {
            int offered = slotsOf(m.roles());
            if (offered == 0) continue;
            if (m.up()) slots += offered;
            if (!m.reachable()) unreachable.add(m.address());
            else if (m.up()) up.add(m.address());
        }
        return new WorkerNodes(slots, unreachable, up);
    }
}
