package io.statewise.algorithms.text;

import io.statewise.algorithms.codec.BinaryReader;
import io.statewise.algorithms.codec.BinaryWriter;
import io.statewise.algorithms.codec.Codec;
import io.statewise.algorithms.codec.CodecException;
import io.statewise.algorithms.codec.CodecHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary encoding of {@link Vocabulary} models, tag {@code VOMD}, version 1:
 * <pre>
 *   header (8 bytes)
 *   int terms, long max error, long documents
 *   per term: int UTF-8 length, the bytes, long document frequency
 * </pre>
 */
public final class VocabularyModelCodec implements Codec<Vocabulary> {

    /** Tag and current version. */
    public static final CodecHeader HEADER = new CodecHeader("VOMD", 1);

    @Override
    public byte[] encode(Vocabulary v) {
        BinaryWriter out = new BinaryWriter(HEADER, 20 + 24 * v.size());
        out.putInt(v.size()).putLong(v.maxError()).putLong(v.documents());
        long[] df = v.documentFrequencies();
        for (int i = 0; i < v.size(); i++) {
            byte[] term = v.terms().get(i).getBytes(StandardCharsets.UTF_8);
            out.putInt(term.length);
            for (byte b : term) out.putByte(b);
            out.putLong(df[i]);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a vocabulary.
     *
     * @throws CodecException on another type, an unknown version, truncated or inconsistent bytes
     */
    @Override
    public Vocabulary decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, HEADER);
        int n = in.getInt();
        long maxError = in.getLong();
        long documents = in.getLong();
        if (n < 0 || n > bytes.length) throw new CodecException("VOMD: inconsistent term count " + n);
        List<String> terms = new ArrayList<>(n);
        long[] df = new long[n];
        for (int i = 0; i < n; i++) {
            int length = in.getInt();
            if (length < 1 || length > bytes.length) throw new CodecException("VOMD: term " + i + " length " + length);
            byte[] term = new byte[length];
            for (int k = 0; k < length; k++) term[k] = (byte) in.getByte();
            terms.add(new String(term, StandardCharsets.UTF_8));
            df[i] = in.getLong();
        }
        in.expectEnd();
        try {
            return new Vocabulary(terms, df, maxError, documents);
        } catch (IllegalArgumentException e) {
            throw new CodecException("VOMD: " + e.getMessage(), e);
        }
    }
}
