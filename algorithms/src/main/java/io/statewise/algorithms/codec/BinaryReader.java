package io.statewise.algorithms.codec;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads what {@link BinaryWriter} wrote; every read is bounds-checked and reports truncation as a CodecException. */
public final class BinaryReader {
    private final ByteBuffer buf;
    private final String tag;
    private final int version;

    /** A reader positioned after a header that matched {@code expected}. */
    public BinaryReader(byte[] bytes, CodecHeader expected) {
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.tag = expected.tag();
        this.version = expected.check(this);
    }

    /** The format version found in the header. */
    public int version() {
        return version;
    }

    int remaining() {
        return buf.remaining();
    }

    public int getByte() {
        try {
            return buf.get() & 0xff;
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public int getShort() {
        try {
            return buf.getShort();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public int getInt() {
        try {
            return buf.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public long getLong() {
        try {
            return buf.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public double getDouble() {
        try {
            return buf.getDouble();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    /** Bytes written by {@link BinaryWriter#putBytes}. */
    public byte[] getBytes() {
        int n = getInt();
        if (n < 0 || n > buf.remaining()) throw truncated();
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }

    public float[] getFloats() {
        int n = getInt();
        if (n < 0 || (long) n * 4 > buf.remaining()) throw truncated();
        float[] out = new float[n];
        buf.asFloatBuffer().get(out);
        buf.position(buf.position() + 4 * n);
        return out;
    }

    public double[] getDoubles() {
        int n = getInt();
        if (n < 0 || (long) n * 8 > buf.remaining()) throw truncated();
        double[] out = new double[n];
        buf.asDoubleBuffer().get(out);
        buf.position(buf.position() + 8 * n);
        return out;
    }

    /** Fails unless every byte was read. */
    public void expectEnd() {
        if (buf.hasRemaining()) {
            throw new CodecException(tag + ": " + buf.remaining() + " unexpected trailing bytes");
        }
    }

    private CodecException truncated() {
        return new CodecException(tag + ": truncated encoding");
    }
}
