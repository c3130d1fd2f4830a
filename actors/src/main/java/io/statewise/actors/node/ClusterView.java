package io.statewise.actors.node;

import java.util.List;
import java.util.Optional;

/**
 * The cluster as one node sees it: every member with its status, roles and reachability, and how many job and
 * worker entities each member hosts (Cluster Sharding's statistics; a member whose shard region did not answer in
 * time shows none).
 *
 * @param self    this node's address
 * @param leader  the cluster leader's address, when there is one
 * @param members every member, ordered by address
 */
public record ClusterView(String self, Optional<String> leader, List<Member> members) {
    public ClusterView {
        members = List.copyOf(members);
    }

    /**
     * One member.
     *
     * @param address        its address ({@code pekko://statewise@host:port})
     * @param status         {@code up}, {@code joining}, {@code leaving}, {@code exiting}, {@code down}, ...
     * @param roles          its roles
     * @param reachable      whether this node's failure detector reaches it
     * @param jobs           job entities running on it
     * @param workerSlots    worker entities (one per job and slot) running on it
     * @param capacity       worker slots it offers to {@code parallelism: auto} jobs (0: not a worker node)
     */
    public record Member(String address, String status, List<String> roles, boolean reachable, int jobs,
                         int workerSlots, int capacity) {
        public Member {
            roles = List.copyOf(roles);
        }
    }
}
