package io.statewise.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import io.statewise.actors.worker.WorkerCapacity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a node does in its cluster ({@code statewise.node.roles}, env {@code STATEWISE_NODE_ROLES}, {@code --roles}):
 * {@value WorkerCapacity#WORKER_ROLE} nodes host worker entities, {@value #API} nodes serve the HTTP API. Job entities
 * run on any node, or only on nodes with {@code statewise.node.job-role} when it is set.
 *
 * @param roles       the node's roles as given
 * @param workerSlots worker slots it offers to {@code parallelism: auto} jobs (announced only by worker nodes)
 * @param jobRole     the role that job entities require, if any
 */
public record NodeRoles(Set<String> roles, int workerSlots, Optional<String> jobRole) {

    /** The role of nodes that serve the HTTP API. */
    public static final String API = "api";

    public NodeRoles {
        roles = Set.copyOf(new TreeSet<>(roles));
        for (String role : roles) {
            if (role.isBlank() || WorkerCapacity.isSlotsRole(role) || role.startsWith("dc-")) {
                throw new IllegalArgumentException("statewise.node.roles: '" + role + "' is not a role a node can "
                        + "be given (blank, or reserved: worker-slots-*, dc-*)");
            }
        }
        if (workerSlots < 1) {
            throw new IllegalArgumentException("statewise.node.worker-slots must be >= 1 or auto, got " + workerSlots);
        }
        jobRole = jobRole.filter(r -> !r.isBlank());
    }

    /**
     * Reads {@code statewise.node.roles} (a list, or a comma-separated string as the environment variable gives it),
     * {@code statewise.node.worker-slots} ({@code auto}: the available processors) and
     * {@code statewise.node.job-role} (empty: any node).
     */
    public static NodeRoles from(Config config) {
        Config node = config.getConfig("statewise.node");
        List<String> roles = new ArrayList<>();
        if (node.getValue("roles").valueType() == ConfigValueType.LIST) {
            roles.addAll(node.getStringList("roles"));
        } else {
            for (String role : node.getString("roles").split(",")) {
                if (!role.isBlank()) roles.add(role.trim());
            }
        }
        String slots = node.getString("worker-slots").trim();
        int workerSlots;
        try {
            workerSlots = slots.equals("auto") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(slots);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("statewise.node.worker-slots must be a number or auto, got '" + slots
                    + "'");
        }
        return new NodeRoles(new TreeSet<>(roles), workerSlots, Optional.of(node.getString("job-role").trim()));
    }

    /** Whether the node hosts worker entities. */
    public boolean worker() {
        return roles.contains(WorkerCapacity.WORKER_ROLE);
    }

    /** Whether the node serves the HTTP API. */
    public boolean api() {
        return roles.contains(API);
    }

    /** Whether job entities may run on this node (no job role is required, or the node has it). */
    public boolean hostsJobs() {
        return jobRole.map(roles::contains).orElse(true);
    }

    /** The node's cluster roles ({@code pekko.cluster.roles}): its roles, and a worker node's slot announcement. */
    public List<String> clusterRoles() {
        List<String> out = new ArrayList<>(new TreeSet<>(roles));
        if (worker()) out.add(WorkerCapacity.slotsRole(workerSlots));
        return out;
    }
}
