package io.statewise.actors.job;

import io.statewise.persistence.CborSerializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster's worker nodes as a job sees them: how many worker slots they offer together (what
 * {@code parallelism: auto} runs on) and which of them the failure detector cannot reach (their leased splits are
 * re-queued at once rather than when their leases expire).
 *
 * @param slots       worker slots of every Up member with the worker role
 * @param unreachable addresses ({@code pekko://statewise@host:port}) of worker members that are unreachable
 * @param up          addresses of the Up, reachable worker members, sorted: the nodes splits are spread over
 */
public record WorkerNodes(int slots, Set<String> unreachable, List<String> up) implements CborSerializable {
    public WorkerNodes {
        if (slots < 0) throw new IllegalArgumentException("slots must be >= 0, got " + slots);
        unreachable = Set.copyOf(new TreeSet<>(unreachable));
        up = List.copyOf(new TreeSet<>(up));
    }

    /** Worker nodes whose addresses are not known (tests, a job that does not spread splits by node). */
    public WorkerNodes(int slots, Set<String> unreachable) {
        this(slots, unreachable, List.of());
    }
}
