package io.statewise.algorithms.codec;

/**
 * A versioned compact binary encoding of states or models. Every encoding starts with a {@link CodecHeader} (type tag
 * and format version), so a decoder refuses bytes of another type or of a version it does not know with a clear
 * error instead of misreading them.
 *
 * @param <T> the encoded type
 */
public interface Codec<T> {

    /** The encoding of {@code value}. */
    byte[] encode(T value);

    /**
     * The value encoded in {@code bytes}.
     *
     * @throws CodecException if the bytes are not an encoding of this type or version
     */
    T decode(byte[] bytes);
}
