package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenizerConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a split of a {@link TextFilesFormat}: files {@code [start, end)} of the sorted listing of the split's path,
 * each one document, read whole into one reusable buffer.
 */
final class TextFilesReader extends TextSplitReader {

    private final List<Path> files;
    private int next;
    private byte[] buf = new byte[64 * 1024];

    TextFilesReader(Split split, TokenizerConfig tokenizer) {
        super(split, tokenizer, 0);
        List<Path> listed = InputFiles.documentFiles(Path.of(split.path()));
        if (split.end() > listed.size()) {
            throw new DataException(split.path() + ": has " + listed.size() + " document files, but split " + split.id()
                    + " expects files " + split.start() + " to " + (split.end() - 1)
                    + " of its listing: the directory changed after planning");
        }
        this.files = listed.subList((int) split.start(), (int) split.end());
    }

    @Override
    boolean nextDocument(TextBatch batch) {
        if (next == files.size()) return false;
        Path file = files.get(next++);
        int length = SplitPlanner.isGzip(file) ? readGzip(file) : readPlain(file);
        tokenizer.tokenize(buf, 0, length, batch);
        return true;
    }

    private int readPlain(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) throw new DataException(file + ": a document over 2 GiB");
            if (size > buf.length) buf = new byte[(int) Math.max(size,
                    Math.min(Integer.MAX_VALUE - 8, 2L * buf.length))];
            ByteBuffer window = ByteBuffer.wrap(buf, 0, (int) size);
            while (window.hasRemaining() && channel.read(window) >= 0) {
                // a file that shrank while read ends early; one that grew is read to its size at open
            }
            return window.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private int readGzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            int length = 0;
            for (int n; (n = in.read(buf, length, buf.length - length)) >= 0; ) {
                length += n;
                if (length == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            }
            return length;
        } catch (ZipException | EOFException e) {
            throw new DataException(file + ": not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // every file is closed as soon as it is read
    }
}
