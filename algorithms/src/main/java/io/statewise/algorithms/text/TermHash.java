package io.statewise.algorithms.text;

/**
 * The hash of a term's bytes shared by every byte-keyed table of this package: FNV-1a over the bytes, then
 * MurmurHash3's finalizer, because FNV alone leaves the low bits (which index the tables) poorly mixed for short keys.
 */
final class TermHash {

    private TermHash() {}

    /** The hash of {@code b[from .. from + length)}. Not modified. */
    static int of(byte[] b, int from, int length) {
        int h = 0x811C9DC5;
        for (int i = from, end = from + length; i < end; i++) h = (h ^ (b[i] & 0xff)) * 0x01000193;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
