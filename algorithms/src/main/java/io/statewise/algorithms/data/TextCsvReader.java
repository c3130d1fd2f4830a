package io.statewise.algorithms.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a split of a {@link TextCsvFormat}: each record's text field is tokenized where it lies in the line buffer,
 * segment by segment when it spans lines (a line break separates tokens anyway), and quotes inside it are left in
 * place for the tokenizer to treat as separators; so nothing is copied or unescaped.
 */
final class TextCsvReader extends TextSplitReader {

    private final TextCsvFormat format;
    private final SplitLines lines;
    private final CsvQuotes quotes;
    private final int column;

    TextCsvReader(Split split, TextCsvFormat format, long maxBadRecords) {
        super(split, format.tokenizer(), maxBadRecords);
        this.format = format;
        this.quotes = new CsvQuotes(format.delimiter());
        this.column = format.columnName() == null ? format.columnIndex() : namedColumn(split, format);
        this.lines = new SplitLines(split, format.delimiter() != '\t');
    }

    /** The position of the named column in the header of the split's file (read from the file's start). */
    private static int namedColumn(Split split, TextCsvFormat format) {
        List<String> names = header(split, format);
        int index = names.indexOf(format.columnName());
        if (index < 0) {
            throw new DataFormatException(split.path(), 1, 0, "no column named '" + format.columnName()
                    + "' in the header; its columns: " + names);
        }
        return index;
    }

    private static List<String> header(Split split, TextCsvFormat format) {
        long size = split.compressed() ? split.end() : fileSize(split);
        CsvQuotes q = new CsvQuotes(format.delimiter());
        List<String> names = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        try (SplitLines first = new SplitLines(new Split(0, split.path(), 0, size, split.compressed()),
                format.delimiter() != '\t')) {
            if (!first.next()) throw new DataException(split.path() + ": no header line");
            while (true) {
                int p = first.from;
                for (int e; ; p = e + 1) {
                    e = q.scanField(first.buf, p, first.to);
                    field.append(new String(first.buf, p, e - p, StandardCharsets.UTF_8));
                    if (e == first.to) break;
                    names.add(unquote(field));
                    field.setLength(0);
                }
                if (!q.quoted() || !first.next()) break;
                field.append('\n');
            }
        }
        names.add(unquote(field));
        return names;
    }

    private static long fileSize(Split split) {
        try {
            return Files.size(Path.of(split.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + split.path() + ": " + e.getMessage(), e);
        }
    }

    /** A header field's text: blanks trimmed, surrounding quotes removed and doubled quotes undone. */
    private static String unquote(CharSequence raw) {
        String s = raw.toString().strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    @Override
    boolean nextDocument(TextBatch batch) {
        while (lines.next()) {
            if (lines.to == lines.from) continue; // a blank line is not a record
            boolean isHeader = format.header() && lines.atFirstLineOfFile();
            long firstLine = lines.linesRead();
            int field = 0;
            quotes.startRecord();
            while (true) {
                for (int p = lines.from; ; ) {
                    int e = quotes.scanField(lines.buf, p, lines.to);
                    if (field == column && !isHeader) tokenizer.tokenize(lines.buf, p, e, batch);
                    if (e == lines.to) break;
                    field++;
                    p = e + 1;
                }
                if (!quotes.quoted()) break;
                if (!lines.next()) {
                    bad(batch, firstLine, "quoted field not closed before the end of the file");
                    return false;
                }
            }
            if (isHeader) continue;
            if (field < column) {
                bad(batch, firstLine, "record has " + (field + 1) + (field == 0 ? " field" : " fields")
                        + ", the text column is field " + (column + 1));
                continue;
            }
            return true;
        }
        return false;
    }

    private void bad(TextBatch batch, long lineInSplit, String what) {
        batch.abandonDocument();
        badRecords.spend(new DataFormatException(split.path(), lines.lineNumber(lineInSplit), 0, what));
    }

    @Override
    public void close() {
        lines.close();
    }
}
