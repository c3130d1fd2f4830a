package io.statewise.actors.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Which splits of the current epoch are waiting, and which worker slot holds a lease on which split. Not persisted: a
 * restarted job rebuilds it from the merged splits, and work in flight at a crash is simply done again. It also counts
 * the bytes it hands out, and of those the bytes handed out again after a lease was lost (work done twice). Mutable,
 * confined to the job actor.
 */
final class SplitScheduler {

    /**
     * A split leased to {@code slot}, whose worker runs on cluster node {@code node}; held ahead of split
     * {@code aheadOf} (not started before that one is merged), or {@code NOT_AHEAD}.
     */
    private record Lease(int slot, String node, long expiresAtNanos, long records, int aheadOf) {

        Lease renewed(long expiresAtNanos, long records) {
            return new Lease(slot, node, expiresAtNanos, records, aheadOf);
        }

        /** The lease once the split it was held ahead of is merged: its worker reads it now. */
        Lease inWork() {
            return new Lease(slot, node, expiresAtNanos, records, NOT_AHEAD);
        }
    }

    private static final int NOT_AHEAD = -1;

    private final Duration leaseTimeout;
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final Map<Integer, Lease> leases = new HashMap<>();
    private int epoch;
    /** Byte length of each split of the current epoch. */
    private long[] splitBytes = new long[0];
    private long bytesLeased;
    private long bytesRequeued;
    /** The worker nodes splits are spread over (split i prefers node i mod n); empty: first come, first served. */
    private List<String> nodes = List.of();

    SplitScheduler(Duration leaseTimeout) {
        this.leaseTimeout = leaseTimeout;
    }

    /** Starts an epoch: every split not yet merged is queued in id order; leases are dropped. */
    void startEpoch(JobState.Running job) {
        long[] bytes = job.plan().train().splits().stream().mapToLong(s -> s.end() - s.start()).toArray();
        startEpoch(job.epoch(), bytes, id -> job.hasMerged(job.epoch(), id));
    }

    /** Starts epoch {@code epoch} of splits with these byte lengths, queueing those not {@code merged}. */
    void startEpoch(int epoch, long[] splitBytes, IntPredicate merged) {
        queue.clear();
        leases.clear();
        this.epoch = epoch;
        this.splitBytes = splitBytes.clone();
        for (int id = 0; id < splitBytes.length; id++) {
            if (!merged.test(id)) queue.add(id);
        }
    }

    int epoch() {
        return epoch;
    }

    /**
     * Leases the next waiting split to {@code slot}, if any. A slot works on one split at a time (and may hold one
     * more, {@link #leaseAhead}), so a slot that already holds a lease gets that split again (the lowest id of its
     * two): its request is a duplicate (a wake-up crossing a retry), comes from a restarted worker that lost it, or
     * is the job's answer to a merged split whose successor the worker already holds. Leasing it another split would
     * leave one unprocessed until its lease expired.
     */
    OptionalInt lease(int slot, String node, long nowNanos) {
        int held = -1;
        for (Map.Entry<Integer, Lease> e : leases.entrySet()) {
            if (e.getValue().slot() == slot && (held < 0 || e.getKey() < held)) held = e.getKey();
        }
        return held >= 0 ? OptionalInt.of(held) : leaseNext(slot, node, nowNanos, NOT_AHEAD);
    }

    /**
     * Leases {@code slot} a second split while it works on {@code holding}, so that its worker starts it the moment it
     * finishes the first instead of waiting for the job to merge that one, write its event and answer. At most one
     * split ahead: a slot that already holds another split besides {@code holding} gets that one again; a slot that
     * does not hold {@code holding} (its lease expired meanwhile) gets none.
     */
    OptionalInt leaseAhead(int slot, int holding, String node, long nowNanos) {
        Lease current = leases.get(holding);
        if (current == null || current.slot() != slot) return OptionalInt.empty();
        for (Map.Entry<Integer, Lease> e : leases.entrySet()) {
            if (e.getValue().slot() == slot && e.getKey() != holding) return OptionalInt.of(e.getKey());
        }
        return leaseNext(slot, node, nowNanos, holding);
    }

    /** Leases the next waiting split (if any) to {@code slot}. */
    private OptionalInt leaseNext(int slot, String node, long nowNanos, int aheadOf) {
        Integer id = next(node);
        if (id == null) return OptionalInt.empty();
        leases.put(id, new Lease(slot, node, nowNanos + leaseTimeout.toNanos(), 0, aheadOf));
        bytesLeased += splitBytes[id];
        return OptionalInt.of(id);
    }

    /**
     * Spreads splits over the nodes {@code up}, in address order: split {@code i} goes preferably to node
     * {@code i mod n}. Each node caches the splits it parsed ({@code statewise.actors.split-cache}), so the next job
     * over the same files, or the next epoch, finds its splits on the node that parsed them as long as membership
     * stays the same; a node whose own splits are all out takes the next waiting one, so no node idles.
     */
    void preferNodes(Collection<String> up) {
        nodes = List.copyOf(new TreeSet<>(up));
    }

    /** The first waiting split that prefers {@code node}, else the first waiting split; null if none waits. */
    private Integer next(String node) {
        int n = nodes.size();
        int home = n > 1 ? nodes.indexOf(node) : -1;
        if (home >= 0) {
            for (Iterator<Integer> it = queue.iterator(); it.hasNext(); ) {
                Integer id = it.next();
                if (id % n == home) {
                    it.remove();
                    return id;
                }
            }
        }
        return queue.poll();
    }

    /** Renews a lease and records progress; ignored unless {@code slot} holds it. */
    void progress(int splitId, int slot, long records, long nowNanos) {
        Lease l = leases.get(splitId);
        if (l != null && l.slot() == slot) {
            leases.put(splitId, l.renewed(nowNanos + leaseTimeout.toNanos(), records));
        }
    }

    /**
     * The split is merged: forget its lease (and any queue entry of an expired one). A split held ahead of it is the
     * one its worker now reads.
     */
    void done(int splitId) {
        leases.remove(splitId);
        queue.remove(splitId);
        leases.replaceAll((id, l) -> l.aheadOf() == splitId ? l.inWork() : l);
    }

    /** Re-queues {@code splitId} if {@code slot} holds its lease (its worker gave it up); returns how many. */
    int release(int splitId, int slot) {
        Lease l = leases.get(splitId);
        return l != null && l.slot() == slot ? requeue(lease -> lease == l) : 0;
    }

    /** Puts splits whose lease expired back at the head of the queue; returns how many. */
    int expireLeases(long nowNanos) {
        return requeue(l -> l.expiresAtNanos() - nowNanos < 0);
    }

    /**
     * Re-queues the splits leased to slots {@code fromSlot} and above (slots the job no longer runs); returns how many.
     */
    int releaseSlotsFrom(int fromSlot) {
        return requeue(l -> l.slot() >= fromSlot);
    }

    /** Re-queues the splits leased to workers on {@code nodes} (nodes the cluster lost); returns how many. */
    int releaseNodes(Set<String> nodes) {
        return requeue(l -> nodes.contains(l.node()));
    }

    /** Moves the splits whose lease is {@code lost} to the head of the queue, lowest split id first. */
    private int requeue(Predicate<Lease> lost) {
        List<Integer> ids = new ArrayList<>();
        for (Map.Entry<Integer, Lease> e : leases.entrySet()) {
            if (lost.test(e.getValue())) ids.add(e.getKey());
        }
        ids.sort(Comparator.reverseOrder());
        for (int id : ids) {
            // a split held ahead was not read yet: handing it out again repeats no work
            if (leases.remove(id).aheadOf() == NOT_AHEAD) bytesRequeued += splitBytes[id];
            queue.addFirst(id);
        }
        return ids.size();
    }

    /** Records processed so far in leased, unmerged splits. */
    long recordsInFlight() {
        long sum = 0;
        for (Lease l : leases.values()) sum += l.records();
        return sum;
    }

    /** The slot holding the lease on {@code splitId}. */
    Optional<Integer> holder(int splitId) {
        Lease l = leases.get(splitId);
        return l == null ? Optional.empty() : Optional.of(l.slot());
    }

    /** Bytes of the splits leased since this scheduler started (a split leased again counts again). */
    long bytesLeased() {
        return bytesLeased;
    }

    /**
     * Bytes of the splits whose lease was lost (expired, or its slot or node gone): read again by another worker. A
     * split lost while still held ahead of another does not count: no worker had started it.
     */
    long bytesRequeued() {
        return bytesRequeued;
    }

    boolean hasWaiting() {
        return !queue.isEmpty();
    }
}
