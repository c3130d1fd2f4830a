package io.statewise.algorithms.data;

import java.io.EOFException;
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
 * Replays a split's batches from its cache file into the caller's reusable batch (bulk copies, no per-record
 * allocation), with the record counts the parser reported batch by batch. A block that turns out unreadable or corrupt
 * mid-split deletes the file and continues by parsing: the parser skips the batches already delivered (batch
 * boundaries are deterministic) and takes over, so the caller sees the same batches and counts either way.
 */
final class CachedSplitReader implements SplitReader {
    private static final int MIN_BUFFER = 1 << 20;

    private final SplitCache cache;
    private final Path file;
    private final SplitCache.Key key;
    private final DataFormat format;
    private final Split split;
    private final DataSchema schema;
    private final long maxBadRecords;
    private final long totalRecords;
    private final long totalBad;
    private final DataFormatException firstError;
    private final CRC32C crc = new CRC32C();
    private FileChannel in;
    private ByteBuffer buffer;
    private int[] rowStart;
    private long records;
    private long bad;
    private long delivered;
    private boolean done;
    /** The parser that took over after a corrupt block, or null. */
    private SplitReader fallback;

    private CachedSplitReader(SplitCache cache, Path file, SplitCache.Key key, DataFormat format, Split split,
                              DataSchema schema, long maxBadRecords, FileChannel in, ByteBuffer buffer,
                              long totalRecords, long totalBad, DataFormatException firstError) {
        this.cache = cache;
        this.file = file;
        this.key = key;
        this.format = format;
        this.split = split;
        this.schema = schema;
        this.maxBadRecords = maxBadRecords;
        this.in = in;
        this.buffer = buffer;
        this.totalRecords = totalRecords;
        this.totalBad = totalBad;
        this.firstError = firstError;
    }

    /**
     * Opens a cache file, checking its header against {@code key} and reading its trailer (totals, first bad record).
     *
     * @throws IOException if the file is unreadable, corrupt, or of another key
     */
    static CachedSplitReader open(SplitCache cache, Path file, SplitCache.Key key, DataFormat format, Split split,
                                  DataSchema schema, long maxBadRecords) throws IOException {
        FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = in.size();
            ByteBuffer expected = key.header();
            if (size < expected.remaining() + SplitCache.BLOCK_HEADER_BYTES + SplitCache.FOOTER_BYTES) {
                throw new IOException("truncated cache file");
            }
            ByteBuffer footer = ByteBuffer.allocate(SplitCache.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, footer, size - SplitCache.FOOTER_BYTES);
            long trailerOffset = footer.getLong(0);
            if (footer.getInt(8) != SplitCache.END_MAGIC || trailerOffset < expected.remaining()
                    || trailerOffset > size - SplitCache.FOOTER_BYTES - SplitCache.BLOCK_HEADER_BYTES) {
                throw new IOException("bad cache file footer");
            }
            ByteBuffer trailer = ByteBuffer.allocate((int) Math.min(1 << 20,
                    size - SplitCache.FOOTER_BYTES - trailerOffset)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, trailer, trailerOffset);
            CRC32C crc = new CRC32C();
            ByteBuffer payload = block(trailer, SplitCache.BLOCK_TRAILER, crc);
            long records = payload.getLong();
            long bad = payload.getLong();
            DataFormatException first = null;
            if (payload.get() == 1) {
                String name = string(payload);
                long line = payload.getLong();
                int column = payload.getInt();
                first = new DataFormatException(name, line, column, string(payload));
            }
            if (records < 0 || bad < 0) throw new IOException("bad cache file totals");
            ByteBuffer header = ByteBuffer.allocate(expected.remaining());
            readFully(in, header, 0);
            if (!header.equals(expected)) throw new IOException("cache file of another key or version");
            in.position(expected.remaining());
            ByteBuffer buffer = ByteBuffer.allocate(MIN_BUFFER).order(ByteOrder.LITTLE_ENDIAN).limit(0);
            return new CachedSplitReader(cache, file, key, format, split, schema, maxBadRecords, in, buffer, records,
                    bad, first);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int n = in.read(into, position + into.position());
            if (n < 0) throw new EOFException();
        }
        into.flip();
    }

    private static String string(ByteBuffer b) throws IOException {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) throw new IOException("bad string in cache file");
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The payload of the block at {@code b}'s position, checked against its type and CRC; {@code b} is left after it.
     */
    private static ByteBuffer block(ByteBuffer b, int type, CRC32C crc) throws IOException {
        if (b.remaining() < SplitCache.BLOCK_HEADER_BYTES) throw new IOException("truncated block");
        int actualType = b.getInt();
        int length = b.getInt();
        int sum = b.getInt();
        if (actualType != type || length < 0 || length > b.remaining()) throw new IOException("bad block header");
        crc.reset();
        crc.update(b.array(), b.arrayOffset() + b.position(), length);
        if ((int) crc.getValue() != sum) throw new IOException("block checksum mismatch");
        ByteBuffer payload = b.slice(b.position(), length).order(ByteOrder.LITTLE_ENDIAN);
        b.position(b.position() + length);
        return payload;
    }

    /** Bad records of the whole split, as the parser counted them. */
    long totalBadRecords() {
        return totalBad;
    }

    @Override
    public boolean next(Batch batch) {
        if (fallback != null) return fallback.next(batch);
        if (batch.capacity() != key.capacity()) {
            takeOver(batch);
            return fallback.next(batch);
        }
        requireKind(batch);
        batch.clear();
        if (done) return false;
        try {
            int type = peekType();
            if (type == SplitCache.BLOCK_TRAILER) {
                if (records != totalRecords || bad > totalBad) throw new IOException("counts differ from trailer");
                bad = totalBad;
                done = true;
                closeFile();
                return false;
            }
            ByteBuffer payload = nextBlock();
            int size = payload.getInt();
            long badAfter = payload.getLong();
            int nnz = payload.getInt();
            if (size < 0 || size > key.capacity() || badAfter < bad || badAfter > totalBad || nnz < 0) {
                throw new IOException("bad batch header");
            }
            if (batch instanceof DenseBatch dense) {
                readDense(payload, dense, size);
            } else {
                readSparse(payload, (SparseBatch) batch, size, nnz);
            }
            records += size;
            bad = badAfter;
            delivered++;
            return true;
        } catch (IOException | RuntimeException e) {
            batch.clear();
            cache.discard(file);
            takeOver(batch);
            return fallback.next(batch);
        }
    }

    private void readDense(ByteBuffer payload, DenseBatch batch, int size) throws IOException {
        int values = Math.multiplyExact(size, key.dimension());
        if (payload.remaining() != 4L * size + 4L * values) throw new IOException("bad dense batch length");
        payload.asFloatBuffer().get(batch.labels(), 0, size);
        payload.position(payload.position() + 4 * size);
        payload.asFloatBuffer().get(batch.features(), 0, values);
        for (int i = 0; i < size; i++) batch.commitRecord();
    }

    private void readSparse(ByteBuffer payload, SparseBatch batch, int size, int nnz) throws IOException {
        if (payload.remaining() != 4L * size + 4L * size + 8L * nnz) throw new IOException("bad sparse batch length");
        float[] labels = batch.labels();
        payload.asFloatBuffer().get(labels, 0, size);
        payload.position(payload.position() + 4 * size);
        if (rowStart == null) rowStart = new int[key.capacity() + 1];
        payload.asIntBuffer().get(rowStart, 1, size);
        payload.position(payload.position() + 4 * size);
        int previous = 0;
        for (int i = 1; i <= size; i++) {
            if (rowStart[i] < previous) throw new IOException("bad sparse row starts");
            previous = rowStart[i];
        }
        if (previous != nnz) throw new IOException("bad sparse row starts");
        batch.reserve(nnz);
        payload.asIntBuffer().get(batch.indices(), 0, nnz);
        payload.position(payload.position() + 4 * nnz);
        payload.asFloatBuffer().get(batch.values(), 0, nnz);
        int[] indices = batch.indices();
        for (int k = 0; k < nnz; k++) {
            if (indices[k] < 0 || indices[k] >= key.dimension()) throw new IOException("bad sparse index");
        }
        for (int i = 0; i < size; i++) batch.commitRecord(labels[i], rowStart[i + 1]);
    }

    private void requireKind(Batch batch) {
        boolean ok = key.sparse() ? batch instanceof SparseBatch : batch instanceof DenseBatch;
        if (!ok || batch.dimension() != key.dimension()) {
            throw new IllegalArgumentException("expected a " + (key.sparse() ? "SparseBatch" : "DenseBatch")
                    + " of dimension " + key.dimension() + ", got " + batch.getClass().getSimpleName()
                    + " of dimension " + batch.dimension());
        }
    }

    private int peekType() throws IOException {
        fill(4);
        return buffer.getInt(buffer.position());
    }

    /** The next block's payload, checked. */
    private ByteBuffer nextBlock() throws IOException {
        fill(SplitCache.BLOCK_HEADER_BYTES);
        int length = buffer.getInt(buffer.position() + 4);
        if (length < 0 || length > Integer.MAX_VALUE - 64) throw new IOException("bad block length");
        fill(SplitCache.BLOCK_HEADER_BYTES + length);
        return block(buffer, SplitCache.BLOCK_BATCH, crc);
    }

    /** Makes at least {@code bytes} readable in the buffer. */
    private void fill(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) return;
        if (buffer.capacity() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(bytes, 2 * buffer.capacity()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            bigger.put(buffer);
            buffer = bigger;
        } else {
            buffer.compact();
        }
        while (buffer.position() < bytes) {
            if (in.read(buffer) < 0) throw new EOFException("truncated cache file");
        }
        buffer.flip();
    }

    /** Continues by parsing: skips the batches already delivered, then serves the rest from the parser. */
    private void takeOver(Batch batch) {
        closeFile();
        SplitReader parser = format.open(split, schema, maxBadRecords);
        try {
            for (long i = 0; i < delivered; i++) {
                if (!parser.next(batch)) break;
            }
        } catch (RuntimeException e) {
            parser.close();
            throw e;
        }
        batch.clear();
        fallback = parser;
    }

    private void closeFile() {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only
        }
        in = null;
        buffer = null;
    }

    @Override
    public long records() {
        return fallback != null ? fallback.records() : records;
    }

    @Override
    public long badRecords() {
        return fallback != null ? fallback.badRecords() : bad;
    }

    @Override
    public Optional<DataFormatException> firstBadRecordError() {
        if (fallback != null) return fallback.firstBadRecordError();
        return bad > 0 ? Optional.ofNullable(firstError) : Optional.empty();
    }

    @Override
    public Split split() {
        return split;
    }

    @Override
    public void close() {
        closeFile();
        if (fallback != null) fallback.close();
    }

    @Override
    public String toString() {
        return "CachedSplitReader[" + file.getFileName() + ", batches=" + delivered + ", records=" + records
                + ", bad=" + bad + "]";
    }
}
