package io.statewise.algorithms.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte sink for codecs; bulk array writes go through typed buffer views. */
public final class BinaryWriter {
    private ByteBuffer buf;

    /** A writer that starts with a header. */
    public BinaryWriter(CodecHeader header, int expectedSize) {
        buf = ByteBuffer.allocate(Math.max(64, expectedSize + CodecHeader.SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        header.write(this);
    }

    private void ensure(int more) {
        if (buf.remaining() < more) {
            int cap = Math.max(buf.capacity() * 2, buf.position() + more);
            ByteBuffer bigger = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    public BinaryWriter putByte(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    public BinaryWriter putShort(int v) {
        ensure(2);
        buf.putShort((short) v);
        return this;
    }

    public BinaryWriter putInt(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    public BinaryWriter putLong(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    public BinaryWriter putDouble(double v) {
        ensure(8);
        buf.putDouble(v);
        return this;
    }

    /** Writes the length, then the bytes (an embedded encoding). */
    public BinaryWriter putBytes(byte[] values) {
        putInt(values.length);
        ensure(values.length);
        buf.put(values);
        return this;
    }

    /** Writes the length, then the values. */
    public BinaryWriter putFloats(float[] values) {
        putInt(values.length);
        ensure(4 * values.length);
        buf.asFloatBuffer().put(values);
        buf.position(buf.position() + 4 * values.length);
        return this;
    }

    /** Writes the length, then the values. */
    public BinaryWriter putDoubles(double[] values) {
        putInt(values.length);
        ensure(8 * values.length);
        buf.asDoubleBuffer().put(values);
        buf.position(buf.position() + 8 * values.length);
        return this;
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf.array(), buf.position());
    }
}
