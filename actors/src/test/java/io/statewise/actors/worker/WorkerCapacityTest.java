package io.statewise.actors.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.job.WorkerNodes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The slot count of parallelism auto, from members' roles. */
class WorkerCapacityTest {

    private static WorkerCapacity.Member member(String host, boolean up, boolean reachable, String... roles) {
        return new WorkerCapacity.Member("pekko://statewise@" + host + ":2551", up, reachable, Set.of(roles));
    }

    @Test
    void sumsTheAnnouncedSlotsOfUpWorkerMembers() {
        WorkerNodes nodes = WorkerCapacity.of(List.of(
                member("a", true, true, "worker", WorkerCapacity.slotsRole(4)),
                member("b", true, true, "worker", "api", WorkerCapacity.slotsRole(2)),
                member("c", true, true, "api"),
                member("d", false, true, "worker", WorkerCapacity.slotsRole(8)),
                member("e", true, true, "worker")));
        assertEquals(new WorkerNodes(4 + 2 + 1, Set.of(), List.of("pekko://statewise@a:2551",
                "pekko://statewise@b:2551", "pekko://statewise@e:2551")), nodes,
                "API-only and joining members offer nothing; a worker without an announcement offers one slot");
    }

    @Test
    void anUnreachableWorkerKeepsItsSlotsUntilRemovedAndIsReported() {
        WorkerNodes nodes = WorkerCapacity.of(List.of(
                member("a", true, true, "worker", WorkerCapacity.slotsRole(2)),
                member("b", true, false, "worker", WorkerCapacity.slotsRole(2)),
                member("c", true, false, "api")));
        assertEquals(4, nodes.slots());
        assertEquals(Set.of("pekko://statewise@b:2551"), nodes.unreachable(), "only worker nodes matter to leases");
        assertEquals(List.of("pekko://statewise@a:2551"), nodes.up(), "splits are spread over reachable nodes");
    }

    @Test
    void slotsRoleRoundTripsAndIsRecognized() {
        assertEquals(Optional.of(12), WorkerCapacity.announced(Set.of("worker", WorkerCapacity.slotsRole(12))));
        assertTrue(WorkerCapacity.isSlotsRole(WorkerCapacity.slotsRole(1)));
        assertEquals(0, WorkerCapacity.slotsOf(Set.of(WorkerCapacity.slotsRole(3))), "no worker role, no slots");
        assertThrows(IllegalArgumentException.class, () -> WorkerCapacity.slotsRole(0));
    }
}
