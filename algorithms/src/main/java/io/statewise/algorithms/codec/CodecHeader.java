package io.statewise.algorithms.codec;

/**
 * The first bytes of every encoding: magic {@code 'S','W'}, a four-character type tag (e.g. {@code "KMST"} for a
 * k-means state) and a format version.
 *
 * @param tag     four ASCII characters naming the encoded type
 * @param version format version, starting at 1
 */
public record CodecHeader(String tag, int version) {

    /** Encoded size in bytes. */
    public static final int SIZE = 2 + 4 + 2;

    public CodecHeader {
        if (tag.length() != 4) throw new IllegalArgumentException("tag must have 4 characters: " + tag);
        if (version < 1 || version > Short.MAX_VALUE) throw new IllegalArgumentException("bad version " + version);
    }

    void write(BinaryWriter out) {
        out.putByte('S');
        out.putByte('W');
        for (int i = 0; i < 4; i++) out.putByte(tag.charAt(i));
        out.putShort(version);
    }

    /**
     * Reads a header and checks it against this one's tag and (at most) version.
     *
     * @return the version found
     */
    int check(BinaryReader in) {
        if (in.remaining() < SIZE || in.getByte() != 'S' || in.getByte() != 'W') {
            throw new CodecException("not a Statewise encoding (expected " + tag + ")");
        }
        StringBuilder found = new StringBuilder(4);
        for (int i = 0; i < 4; i++) found.append((char) in.getByte());
        if (!found.toString().equals(tag)) {
            throw new CodecException("expected an encoding of type " + tag + ", found " + found);
        }
        int v = in.getShort();
        if (v < 1 || v > version) {
            throw new CodecException("unsupported " + tag + " format version " + v + " (this build reads 1.." + version
                    + ")");
        }
        return v;
    }
}
