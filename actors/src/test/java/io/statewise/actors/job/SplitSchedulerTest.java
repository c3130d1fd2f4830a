package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Leases given back when slots or nodes go away, and when leases expire; one split ahead per slot. */
class SplitSchedulerTest {

    private static final String NODE_A = "pekko://statewise@127.0.0.1:1";
    private static final String NODE_B = "pekko://statewise@127.0.0.1:2";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final long SPLIT_BYTES = 1_000;

    /** A scheduler of one epoch of splits 0..splits-1, its queue in order. */
    private static SplitScheduler scheduler(int splits) {
        SplitScheduler s = new SplitScheduler(LEASE);
        long[] bytes = new long[splits];
        java.util.Arrays.fill(bytes, SPLIT_BYTES);
        s.startEpoch(1, bytes, id -> false);
        return s;
    }

    @Test
    void splitsGoToTheirNodeAndANodeWithoutWaitingSplitsOfItsOwnTakesTheNext() {
        SplitScheduler s = scheduler(5);
        s.preferNodes(List.of(NODE_B, NODE_A)); // sorted: A is node 0, B node 1
        assertEquals(OptionalInt.of(1), s.lease(0, NODE_B, 0), "B's first split");
        assertEquals(OptionalInt.of(0), s.lease(1, NODE_A, 0), "A's first split");
        assertEquals(OptionalInt.of(2), s.lease(2, NODE_A, 0), "A's second, ahead of B's 3 in the queue");
        s.done(1);
        assertEquals(OptionalInt.of(3), s.lease(0, NODE_B, 0), "B's second");
        s.done(3);
        assertEquals(OptionalInt.of(4), s.lease(0, NODE_B, 0), "none of B's left: the next waiting split");
        assertEquals(OptionalInt.empty(), s.lease(3, NODE_A, 0));
    }

    @Test
    void oneNodeOrNoneKnownTakesSplitsInOrder() {
        SplitScheduler s = scheduler(3);
        s.preferNodes(List.of(NODE_A));
        assertEquals(OptionalInt.of(0), s.lease(0, NODE_A, 0));
        assertEquals(OptionalInt.of(1), s.lease(1, NODE_A, 0));
        s.preferNodes(List.of());
        assertEquals(OptionalInt.of(2), s.lease(2, NODE_B, 0));
    }

    @Test
    void splitsOfALostNodeGoBackToTheHeadOfTheQueue() {
        SplitScheduler s = scheduler(4);
        assertEquals(OptionalInt.of(0), s.lease(0, NODE_A, 0));
        assertEquals(OptionalInt.of(1), s.lease(1, NODE_B, 0));
        assertEquals(1, s.releaseNodes(Set.of(NODE_B)));
        assertEquals(OptionalInt.of(1), s.lease(2, NODE_A, 0), "the lost node's split first");
        assertEquals(OptionalInt.of(0), s.lease(0, NODE_A, 0), "the surviving lease stays");
        assertEquals(0, s.releaseNodes(Set.of(NODE_B)));
        assertEquals(3 * SPLIT_BYTES, s.bytesLeased(), "a slot asking again for its split is not a new read");
        assertEquals(SPLIT_BYTES, s.bytesRequeued());
    }

    @Test
    void splitsOfRemovedSlotsAndExpiredLeasesAreRequeued() {
        SplitScheduler s = scheduler(3);
        s.lease(0, NODE_A, 0);
        s.lease(1, NODE_A, 0);
        s.lease(2, NODE_A, 0);
        assertEquals(2, s.releaseSlotsFrom(1));
        assertTrue(s.hasWaiting());
        s.progress(0, 0, 10, LEASE.toNanos() - 1);
        assertEquals(0, s.expireLeases(LEASE.toNanos() + 1), "progress renewed the lease");
        assertEquals(1, s.expireLeases(2 * LEASE.toNanos()));
    }

    @Test
    void aSlotHoldsAtMostOneSplitAheadAndIsAnsweredWithItOnceTheFirstIsMerged() {
        SplitScheduler s = scheduler(4);
        assertEquals(OptionalInt.of(0), s.lease(0, NODE_A, 0));
        assertEquals(OptionalInt.empty(), s.leaseAhead(0, 1, NODE_A, 0), "not while holding another split");
        assertEquals(OptionalInt.empty(), s.leaseAhead(1, 0, NODE_A, 0), "not for a split of another slot");
        assertEquals(OptionalInt.of(1), s.leaseAhead(0, 0, NODE_A, 0));
        assertEquals(OptionalInt.of(1), s.leaseAhead(0, 0, NODE_A, 0), "asking again: the same split, no third");
        assertEquals(OptionalInt.of(0), s.lease(0, NODE_A, 0), "a repeated request: the slot's current split");
        assertEquals(OptionalInt.of(2), s.lease(1, NODE_A, 0), "other slots take the rest");
        s.done(0);
        assertEquals(OptionalInt.of(1), s.lease(0, NODE_A, 0), "the answer to the merged split: the one ahead");
        assertEquals(OptionalInt.of(3), s.leaseAhead(0, 1, NODE_A, 0));
        assertEquals(4 * SPLIT_BYTES, s.bytesLeased(), "each split leased once");
    }

    @Test
    void aSplitAheadIsRenewedByProgressAndRequeuedWithItsSlot() {
        SplitScheduler s = scheduler(3);
        s.lease(1, NODE_A, 0);
        s.leaseAhead(1, 0, NODE_A, 0);
        s.progress(1, 1, 0, LEASE.toNanos() - 1);
        assertEquals(1, s.expireLeases(LEASE.toNanos() + 1), "only the lease without progress expired");
        assertEquals(OptionalInt.of(0), s.lease(0, NODE_A, 0), "the expired split is waiting again");
        assertEquals(1, s.releaseSlotsFrom(1), "the removed slot's split ahead");
        assertEquals(OptionalInt.of(1), s.lease(2, NODE_A, 0), "waiting again");
        assertEquals(SPLIT_BYTES, s.bytesRequeued(), "the expired split was being read, the one ahead was not");
    }

    @Test
    void aSplitHeldAheadCountsAsReadOnceTheSplitBeforeItIsMerged() {
        SplitScheduler s = scheduler(3);
        s.lease(0, NODE_A, 0);
        s.leaseAhead(0, 0, NODE_A, 0);
        s.done(0); // the worker goes on with split 1
        assertEquals(1, s.releaseNodes(Set.of(NODE_A)));
        assertEquals(SPLIT_BYTES, s.bytesRequeued(), "split 1 was in work when its node was lost");
    }
}
