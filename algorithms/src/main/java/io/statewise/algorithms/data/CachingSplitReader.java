package io.statewise.algorithms.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Parses a split and tees every batch into a temporary cache file, committed by the {@link SplitCache} only when the
 * parser reached the end of the split; closed early, failed, or grown beyond the room it was given, the file is
 * deleted and the reader just parses. Cache problems never surface to the caller.
 */
final class CachingSplitReader implements SplitReader {
    private static final int MIN_BUFFER = 1 << 20;

    private final SplitCache cache;
    private final SplitReader parser;
    private final SplitCache.Key key;
    private final Path target;
    private final Path temp;
    private final long room;
    private final DataFormat format;
    private final DataSchema schema;
    private final CRC32C crc = new CRC32C();
    private FileChannel out;
    private ByteBuffer buffer;
    private long written;

    CachingSplitReader(SplitCache cache, SplitReader parser, SplitCache.Key key, Path target, long room,
                       DataFormat format, DataSchema schema) throws IOException {
        this.cache = cache;
        this.format = format;
        this.schema = schema;
        this.parser = parser;
        this.key = key;
        this.target = target;
        this.room = room;
        this.temp = cache.tempFor(target);
        this.out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.buffer = ByteBuffer.allocate(MIN_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        try {
            ByteBuffer header = key.header();
            ensure(header.remaining());
            buffer.put(header);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    @Override
    public boolean next(Batch batch) {
        boolean more;
        try {
            more = parser.next(batch);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
        if (out != null) {
            try {
                if (more) {
                    append(batch);
                } else {
                    finish();
                }
            } catch (IOException | RuntimeException e) {
                abandon();
            }
        }
        return more;
    }

    private void append(Batch batch) throws IOException {
        if (batch.capacity() != key.capacity() || batch.dimension() != key.dimension()) {
            abandon();
            return;
        }
        int size = batch.size();
        if (batch instanceof DenseBatch dense && !key.sparse()) {
            int values = Math.multiplyExact(size, key.dimension());
            int length = 4 + 8 + 4 + 4 * size + 4 * values;
            int start = beginBlock(SplitCache.BLOCK_BATCH, length);
            buffer.putInt(size).putLong(parser.badRecords()).putInt(0);
            putFloats(dense.labels(), size);
            putFloats(dense.features(), values);
            endBlock(start);
        } else if (batch instanceof SparseBatch sparse && key.sparse()) {
            int nnz = sparse.nonZeros();
            long length = 4L + 8 + 4 + 4L * size + 4L * size + 8L * nnz;
            if (length > Integer.MAX_VALUE - 64) {
                abandon();
                return;
            }
            int start = beginBlock(SplitCache.BLOCK_BATCH, (int) length);
            buffer.putInt(size).putLong(parser.badRecords()).putInt(nnz);
            putFloats(sparse.labels(), size);
            buffer.asIntBuffer().put(sparse.rowStart(), 1, size);
            buffer.position(buffer.position() + 4 * size);
            buffer.asIntBuffer().put(sparse.indices(), 0, nnz);
            buffer.position(buffer.position() + 4 * nnz);
            putFloats(sparse.values(), nnz);
            endBlock(start);
        } else {
            abandon();
            return;
        }
        if (written + buffer.position() > room) abandon();
    }

    private void putFloats(float[] values, int count) {
        buffer.asFloatBuffer().put(values, 0, count);
        buffer.position(buffer.position() + 4 * count);
    }

    /** Reserves room for a block and writes its type and length; returns the block's start in the buffer. */
    private int beginBlock(int type, int length) throws IOException {
        ensure(SplitCache.BLOCK_HEADER_BYTES + length);
        int start = buffer.position();
        buffer.putInt(type).putInt(length).putInt(0);
        return start;
    }

    /** Fills in the CRC-32C of the block's payload. */
    private void endBlock(int start) {
        int payload = start + SplitCache.BLOCK_HEADER_BYTES;
        crc.reset();
        crc.update(buffer.array(), buffer.arrayOffset() + payload, buffer.position() - payload);
        buffer.putInt(start + 8, (int) crc.getValue());
    }

    /** Makes room for {@code bytes} more in the buffer, writing out what it holds or growing it. */
    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) return;
        flush();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(Math.max(bytes, 2 * buffer.capacity())).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) written += out.write(buffer);
        buffer.clear();
    }

    /** Writes the trailer and footer and hands the complete file to the cache, if the source is unchanged. */
    private void finish() throws IOException {
        Optional<DataFormatException> first = parser.firstBadRecordError();
        byte[] file = first.map(e -> e.file().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        byte[] what = first.map(e -> e.what().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        int length = 8 + 8 + 1 + (first.isPresent() ? 4 + file.length + 8 + 4 + 4 + what.length : 0);
        ensure(SplitCache.BLOCK_HEADER_BYTES + length + SplitCache.FOOTER_BYTES);
        long trailerOffset = written + buffer.position();
        int start = beginBlock(SplitCache.BLOCK_TRAILER, length);
        buffer.putLong(parser.records()).putLong(parser.badRecords()).put((byte) (first.isPresent() ? 1 : 0));
        if (first.isPresent()) {
            DataFormatException e = first.get();
            buffer.putInt(file.length).put(file).putLong(e.line()).putInt(e.column()).putInt(what.length).put(what);
        }
        endBlock(start);
        buffer.putLong(trailerOffset).putInt(SplitCache.END_MAGIC);
        flush();
        out.close();
        out = null;
        Split split = parser.split();
        boolean unchanged;
        try {
            unchanged = key.text().equals(SplitCache.Key.of(format, split, schema, key.capacity()).text());
        } catch (IOException | RuntimeException e) {
            unchanged = false;
        }
        if (unchanged) {
            cache.commit(temp, target);
        } else {
            cache.drop(temp);
        }
    }

    private void abandon() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // deleted below
        }
        out = null;
        buffer = null;
        cache.drop(temp);
    }

    @Override
    public long records() {
        return parser.records();
    }

    @Override
    public long badRecords() {
        return parser.badRecords();
    }

    @Override
    public Optional<DataFormatException> firstBadRecordError() {
        return parser.firstBadRecordError();
    }

    @Override
    public Split split() {
        return parser.split();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } finally {
            abandon();
        }
    }
}
