package io.statewise.algorithms.text;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;

/**
 * The binary encoding of {@link VocabularyState}s, tag {@code VOST}, version 2:
 * <pre>
 *   header (8 bytes)
 *   int capacity, int maxTermBytes, int counters in use
 *   long documents, long term-documents (stream length), long offset (max error), long skipped terms,
 *   long malformed UTF-8 sequences
 *   capacity slots: byte term length, maxTermBytes bytes (the term, zero-padded), long count
 * </pre>
 * Version 1 (read, not written) lacks the malformed sequence count (read as 0). Every slot is written, used or not, so
 * the size depends only on the capacity and {@code maxTermBytes}; unused bytes are zeros, which compress well. Counters
 * are written in counter order, so a decoded state continues identically.
 */
public final class VocabularyStateCodec implements Codec<VocabularyState> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("VOST", 2);

    /** The longest term a state can hold: the length is one unsigned byte. */
    public static final int MAX_TERM_BYTES = 255;

    /** The encoded size of a state, in bytes. */
    public static long encodedSize(int capacity, int maxTermBytes) {
        return encodedSize(capacity, maxTermBytes, HEADER.version());
    }

    private static long encodedSize(int capacity, int maxTermBytes, int version) {
        return CodecHeader.SIZE + 3 * 4 + (version >= 2 ? 5 : 4) * 8 + (long) capacity * (1 + maxTermBytes + 8);
    }

    @Override
    public byte[] encode(VocabularyState s) {
        FrequentTerms f = s.frequent;
        BinaryWriter out = new BinaryWriter(HEADER, (int) encodedSize(f.capacity(), s.maxTermBytes));
        out.putInt(f.capacity()).putInt(s.maxTermBytes).putInt(f.size());
        out.putLong(s.documents).putLong(f.length()).putLong(f.offset()).putLong(s.skippedTerms)
                .putLong(s.malformedSequences);
        TermTable terms = f.terms();
        byte[] arena = terms.arena();
        for (int i = 0; i < f.capacity(); i++) {
            int length = i < f.size() ? terms.length(i) : 0;
            out.putByte(length);
            int start = i < f.size() ? terms.start(i) : 0;
            for (int k = 0; k < s.maxTermBytes; k++) out.putByte(k < length ? arena[start + k] : 0);
            out.putLong(i < f.size() ? f.count(i) : 0);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a state.
     *
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public VocabularyState decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int capacity = in.getInt();
        int maxTermBytes = in.getInt();
        int used = in.getInt();
        long documents = in.getLong();
        long length = in.getLong();
        long offset = in.getLong();
        long skipped = in.getLong();
        long malformed = in.version() >= 2 ? in.getLong() : 0;
        if (capacity < 1 || maxTermBytes < 1 || maxTermBytes > MAX_TERM_BYTES || used < 0 || used > capacity
                || documents < 0 || length < 0 || offset < 0 || skipped < 0 || malformed < 0
                || encodedSize(capacity, maxTermBytes, in.version()) != bytes.length) {
            throw new CodecException("VOST: inconsistent header (capacity " + capacity + ", max term bytes "
                    + maxTermBytes + ", counters " + used + ", " + bytes.length + " bytes)");
        }
        VocabularyState s = new VocabularyState(capacity, maxTermBytes);
        byte[] term = new byte[maxTermBytes];
        for (int i = 0; i < capacity; i++) {
            int termLength = in.getByte();
            for (int k = 0; k < maxTermBytes; k++) term[k] = (byte) in.getByte();
            long count = in.getLong();
            if (i >= used) continue;
            if (termLength < 1 || termLength > maxTermBytes || count < 1) {
                throw new CodecException("VOST: counter " + i + " has term length " + termLength + ", count " + count);
            }
            if (!s.frequent.restoreCounter(term, 0, termLength, count)) {
                throw new CodecException("VOST: counter " + i + " repeats a term");
            }
        }
        in.expectEnd();
        s.frequent.restore(offset, length);
        s.documents = documents;
        s.skippedTerms = skipped;
        s.malformedSequences = malformed;
        return s;
    }
}
