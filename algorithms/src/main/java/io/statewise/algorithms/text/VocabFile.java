package io.statewise.algorithms.text;

import io.statewise.algorithms.data.DataException;
import io.statewise.algorithms.data.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * SageMaker's {@code vocab.txt}: one term per line, UTF-8, the line number (from 0) being the term's id, i.e. its
 * feature index in bag-of-words records. NTM reads it from its auxiliary channel to report topic words, and requires
 * its line count to equal {@code feature_dim}; {@link #read(Path, OptionalInt)} checks that up front, because a
 * vocabulary one line short silently shifts every word of every topic.
 */
public final class VocabFile {

    /** The file name SageMaker expects in the auxiliary channel. */
    public static final String FILE_NAME = "vocab.txt";

    private VocabFile() {}

    /** Writes {@code vocabulary}'s terms, one per line, {@code '\n'}-terminated, UTF-8. */
    public static void write(Vocabulary vocabulary, Path file) {
        write(vocabulary.terms(), file);
    }

    /**
     * Writes {@code terms}, one per line.
     *
     * @throws IllegalArgumentException if a term is empty or holds a line break (it could not be read back)
     */
    public static void write(List<String> terms, Path file) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (term.isEmpty() || term.indexOf('\n') >= 0 || term.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("term " + i + " cannot be written to " + FILE_NAME + ": '" + term
                        + "'");
            }
            text.append(term).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the terms of a {@code vocab.txt}. A final line break and CRLF line ends are accepted.
     *
     * @param featureDim the declared feature dimension the vocabulary must match, if any
     * @throws DataFormatException ({@code file:line: what}) on an empty line, a repeated term or invalid UTF-8
     * @throws DataException       if the number of terms differs from {@code featureDim}
     */
    public static List<String> read(Path file, OptionalInt featureDim) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> terms = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int from = 0;
        for (int line = 1; from < bytes.length; line++) {
            int end = from;
            while (end < bytes.length && bytes[end] != '\n') end++;
            int to = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
            if (line == 1 && to - from >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF) {
                from += 3; // a byte order mark
            }
            String term;
            try {
                term = decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                throw new DataFormatException(file.toString(), line, 0, "not valid UTF-8");
            }
            if (term.isBlank()) throw new DataFormatException(file.toString(), line, 0, "empty term");
            Integer first = lineOf.putIfAbsent(term, line);
            if (first != null) {
                throw new DataFormatException(file.toString(), line, 0, "term '" + term + "' repeats line " + first);
            }
            terms.add(term);
            from = end + 1;
        }
        if (featureDim.isPresent() && featureDim.getAsInt() != terms.size()) {
            throw new DataException(file + " has " + terms.size() + " terms but feature_dim is "
                    + featureDim.getAsInt() + ": the vocabulary must have exactly one term per feature, in feature "
                    + "order");
        }
        return List.copyOf(terms);
    }
}
