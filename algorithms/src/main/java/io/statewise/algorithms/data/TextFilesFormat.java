package io.statewise.algorithms.data;

import io.statewise.algorithms.text.TokenizerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A directory of text files, one document per file (as the 20 Newsgroups or Reuters corpora ship). The files of a
 * directory are its regular files, recursively, sorted by path, hidden names ({@code .} or {@code _}) skipped; a file
 * named {@code *.gz} is read through gzip; empty files are empty documents.
 *
 * <p>Splits group whole files: a split's {@link Split#path() path} names the directory (or a single document file)
 * and its {@code [start, end)} are positions in that sorted listing, not byte offsets. Planning and reading list the
 * directory each, so the directory must not change while a job reads it; a reader that finds fewer files than its
 * split expects fails with a {@link DataException}.
 *
 * @param tokenizer how files become tokens
 */
public record TextFilesFormat(TokenizerConfig tokenizer) implements TextFormat {

    public TextFilesFormat {
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** English stop words, tokens of 2 to 50 letters. */
    public static TextFilesFormat defaults() {
        return new TextFilesFormat(TokenizerConfig.english());
    }

    /**
     * Splits of consecutive files of each input's listing, closed once their bytes reach {@code targetSplitBytes}
     * (so a split holds at least one file); a directory without files has no split.
     *
     * @param inputs directories of documents, or single document files. Not modified.
     * @throws DataException if an input does not exist or cannot be listed
     */
    @Override
    public List<Split> plan(List<Path> inputs, long targetSplitBytes) {
        if (targetSplitBytes < 1) {
            throw new IllegalArgumentException("targetSplitBytes must be >= 1, got " + targetSplitBytes);
        }
        List<Split> splits = new ArrayList<>();
        for (Path input : inputs) {
            List<Path> files = InputFiles.documentFiles(input);
            int first = 0;
            long bytes = 0;
            for (int i = 0; i < files.size(); i++) {
                bytes += size(files.get(i));
                if (bytes >= targetSplitBytes || i == files.size() - 1) {
                    splits.add(new Split(splits.size(), input.toString(), first, i + 1, false));
                    first = i + 1;
                    bytes = 0;
                }
            }
        }
        return List.copyOf(splits);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TextSplitReader open(Split split, DataSchema schema, long maxBadRecords) {
        return new TextFilesReader(split, tokenizer);
    }
}
