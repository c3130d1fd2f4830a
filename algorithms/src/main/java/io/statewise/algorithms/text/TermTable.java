package io.statewise.algorithms.text;

import java.util.Arrays;

/**
 * A set of byte strings (terms) numbered densely {@code 0..size-1} in insertion order: the byte-keyed hash table under
 * the vocabulary state, the vocabulary index, the per-document term set and the stop-word set. Terms live one after
 * the other in one byte arena; the table is open addressing with linear probing over ids and keeps each term's hash,
 * so a lookup allocates nothing and compares bytes only on a hash match.
 *
 * <p>Mutable, single-threaded. Ids shift only in {@link #retainPositive}, which compacts.
 */
final class TermTable {

    private byte[] arena;
    /** Term {@code id} is {@code arena[starts[id] .. starts[id + 1])}. */
    private int[] starts;
    private int[] hashes;
    /** Open-addressing table of {@code id + 1}; 0 is empty. Its length is a power of two, at least twice the size. */
    private int[] slots;
    private int size;

    /** An empty table sized for {@code expected} terms of about {@code averageBytes} bytes; it grows as needed. */
    TermTable(int expected, int averageBytes) {
        int n = Math.max(4, expected);
        arena = new byte[Math.max(16, n * Math.max(1, averageBytes))];
        starts = new int[n + 1];
        hashes = new int[n];
        slots = new int[tableLength(n)];
    }

    private static int tableLength(int terms) {
        return Integer.highestOneBit(Math.max(8, terms) * 2 - 1) << 1;
    }

    /** Terms held. */
    int size() {
        return size;
    }

    /** The id of {@code b[from .. from + length)} with hash {@code hash} ({@link TermHash#of}), or -1. */
    int find(byte[] b, int from, int length, int hash) {
        int mask = slots.length - 1;
        for (int p = hash & mask; ; p = (p + 1) & mask) {
            int id = slots[p] - 1;
            if (id < 0) return -1;
            if (hashes[id] == hash && equalsTerm(id, b, from, length)) return id;
        }
    }

    /** The id of the term, added if absent. */
    int intern(byte[] b, int from, int length, int hash) {
        int id = find(b, from, length, hash);
        return id >= 0 ? id : add(b, from, length, hash);
    }

    /** Adds a term known to be absent; returns its id ({@code size() - 1}). */
    int add(byte[] b, int from, int length, int hash) {
        if (size == hashes.length) growIds();
        if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
        int at = starts[size];
        if (at + length > arena.length) arena = Arrays.copyOf(arena, Math.max(at + length, arena.length * 2));
        System.arraycopy(b, from, arena, at, length);
        int id = size++;
        starts[size] = at + length;
        hashes[id] = hash;
        place(id, hash);
        return id;
    }

    private boolean equalsTerm(int id, byte[] b, int from, int length) {
        int s = starts[id];
        return starts[id + 1] - s == length && Arrays.equals(arena, s, s + length, b, from, from + length);
    }

    private void place(int id, int hash) {
        int mask = slots.length - 1;
        int p = hash & mask;
        while (slots[p] != 0) p = (p + 1) & mask;
        slots[p] = id + 1;
    }

    private void growIds() {
        int n = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, n);
        starts = Arrays.copyOf(starts, n + 1);
    }

    private void rehash(int length) {
        slots = new int[length];
        for (int id = 0; id < size; id++) place(id, hashes[id]);
    }

    /** The arena holding every term's bytes. Owned by the table; replaced when it grows. */
    byte[] arena() {
        return arena;
    }

    /** Offset of term {@code id} in {@link #arena()}. */
    int start(int id) {
        return starts[id];
    }

    /** Bytes of term {@code id}. */
    int length(int id) {
        return starts[id + 1] - starts[id];
    }

    /** The stored hash of term {@code id}. */
    int hash(int id) {
        return hashes[id];
    }

    /** Removes every term, keeping the arrays for reuse. Clears only the slots in use when the table is sparse. */
    void clear() {
        if (size * 8 < slots.length) {
            int mask = slots.length - 1;
            for (int id = 0; id < size; id++) {
                for (int p = hashes[id] & mask; ; p = (p + 1) & mask) {
                    if (slots[p] == id + 1) {
                        slots[p] = 0;
                        break;
                    }
                }
            }
        } else {
            Arrays.fill(slots, 0);
        }
        size = 0;
    }

    /**
     * Keeps the terms whose {@code counts[id] > 0}, in their order, and moves their counts down alongside: ids are
     * renumbered {@code 0..size-1} again. Zeroes the counts past the new size.
     */
    void retainPositive(long[] counts) {
        int kept = 0;
        int write = 0;
        for (int id = 0; id < size; id++) {
            if (counts[id] <= 0) continue;
            int s = starts[id];
            int length = starts[id + 1] - s;
            System.arraycopy(arena, s, arena, write, length);
            starts[kept] = write;
            write += length;
            hashes[kept] = hashes[id];
            counts[kept] = counts[id];
            kept++;
        }
        starts[kept] = write;
        Arrays.fill(counts, kept, size, 0);
        size = kept;
        rehash(slots.length);
    }
}
