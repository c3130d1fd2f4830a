package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.text.TextTesting;
import io.statewise.algorithms.text.TokenizerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random corpora in every text format, random split sizes: reading every split in order yields exactly the documents
 * written, each once, in order, with the empty ones skipped and counted.
 */
class TextRoundTripPropertyTest {

    private static final TokenizerConfig TOKENIZER = TokenizerConfig.noStopWords();
    private static final String[] WORDS = {"alpha", "beta", "gamma", "café", "straße", "東京", "naïve", "zeta",
        "ελλάδα", "delta", "omega", "ab", "épée", "ünïcödé"};
    private static final String[] SEPARATORS = {" ", ", ", "; ", " 42 ", "!", "\t", " -- ", " 3.14 ", "/", "  "};

    @TempDir
    Path dir;

    /** A corpus: documents as token lists (empty for documents without a token). */
    record Corpus(List<List<String>> documents) {
        List<List<String>> nonEmpty() {
            return documents.stream().filter(d -> !d.isEmpty()).toList();
        }

        long empty() {
            return documents.stream().filter(List::isEmpty).count();
        }
    }

    @Test
    void linesFormatReadsEveryDocumentOnce() throws IOException {
        Random random = new Random(7);
        TextLinesFormat format = new TextLinesFormat(TOKENIZER);
        for (int c = 0; c < 25; c++) {
            Corpus corpus = corpus(random);
            String newline = random.nextBoolean() ? "\n" : "\r\n";
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < corpus.documents().size(); i++) {
                text.append(render(corpus.documents().get(i), random, false));
                if (i < corpus.documents().size() - 1 || random.nextBoolean()) text.append(newline);
            }
            if (text.isEmpty()) continue;
            List<Split> splits = SplitTesting.writeAndPlanRandomly(dir.resolve("lines-" + c + ".txt"),
                    text.toString(), random, format);
            assertReads(format, splits, corpus, "lines case " + c, random);
        }
    }

    @Test
    void csvColumnFormatReadsEveryDocumentOnceWithQuotedLineBreaks() throws IOException {
        Random random = new Random(8);
        for (int c = 0; c < 25; c++) {
            Corpus corpus = corpus(random);
            int columns = 1 + random.nextInt(4);
            int column = random.nextInt(columns);
            byte delimiter = random.nextBoolean() ? (byte) ',' : (byte) ';';
            boolean named = random.nextBoolean();
            TextCsvFormat format = (named ? TextCsvFormat.column("text") : TextCsvFormat.column(column,
                    random.nextBoolean())).withDelimiter(delimiter).withTokenizer(TOKENIZER);
            String text = csv(corpus, columns, column, (char) delimiter, format.header(), random);
            if (text.isEmpty()) continue;
            List<Split> splits = SplitTesting.writeAndPlanRandomly(dir.resolve("csv-" + c + ".csv"), text, random,
                    format);
            assertReads(format, splits, corpus, "csv case " + c, random);
        }
    }

    @Test
    void gzipFilesAreOneSplitInEveryLineFormat() throws IOException {
        Random random = new Random(9);
        Corpus corpus = corpus(random, 400);
        StringBuilder lines = new StringBuilder();
        for (List<String> d : corpus.documents()) lines.append(render(d, random, false)).append('\n');
        TextLinesFormat linesFormat = new TextLinesFormat(TOKENIZER);
        assertReads(linesFormat, SplitTesting.writeGzipAndPlan(dir.resolve("docs.txt.gz"), lines.toString(),
                linesFormat), corpus, "gzip lines", random);
        TextCsvFormat csvFormat = TextCsvFormat.column("text").withTokenizer(TOKENIZER);
        String csv = csv(corpus, 3, 1, ',', true, random);
        assertReads(csvFormat, SplitTesting.writeGzipAndPlan(dir.resolve("docs.csv.gz"), csv, csvFormat), corpus,
                "gzip csv", random);
    }

    @Test
    void directoryFormatReadsEveryFileOnceInPathOrderSkippingHiddenOnes() throws IOException {
        Random random = new Random(10);
        for (int c = 0; c < 10; c++) {
            Path root = Files.createDirectories(dir.resolve("corpus-" + c));
            Corpus corpus = corpus(random, random.nextInt(40));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < corpus.documents().size(); i++) {
                names.add((random.nextInt(4) == 0 ? "sub/" : "") + String.format("doc-%03d", i)
                        + (random.nextInt(3) == 0 ? ".txt.gz" : ".txt"));
            }
            // listing order is path order: sort the documents the way the reader will see them
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) order.add(i);
            order.sort((a, b) -> root.resolve(names.get(a)).compareTo(root.resolve(names.get(b))));
            List<List<String>> expected = new ArrayList<>();
            for (int i : order) expected.add(corpus.documents().get(i));
            for (int i = 0; i < names.size(); i++) {
                Path file = root.resolve(names.get(i));
                Files.createDirectories(file.getParent());
                String text = render(corpus.documents().get(i), random, true);
                if (names.get(i).endsWith(".gz")) SplitTesting.writeGzip(file, text);
                else Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            Files.writeString(root.resolve(".hidden.txt"), "hidden words");
            Files.writeString(root.resolve("_SUCCESS"), "marker words");
            Files.createDirectories(root.resolve(".git"));
            Files.writeString(root.resolve(".git/config"), "hidden words");

            TextFilesFormat format = new TextFilesFormat(TOKENIZER);
            long target = 1 + random.nextInt(random.nextBoolean() ? 50 : 5000);
            List<Split> splits = format.plan(List.of(root), target);
            long next = 0;
            for (int s = 0; s < splits.size(); s++) {
                assertEquals(s, splits.get(s).id());
                assertEquals(next, splits.get(s).start(), "splits are consecutive ranges of the listing");
                next = splits.get(s).end();
            }
            assertEquals(names.size(), next, "splits cover every file");
            assertReads(format, splits, new Corpus(expected), "directory case " + c, random);
        }
    }

    private static void assertReads(TextFormat format, List<Split> splits, Corpus corpus, String what,
                                    Random random) {
        List<List<String>> read = new ArrayList<>();
        long empty = 0;
        for (Split split : splits) {
            TextBatch batch = format.newBatch(1 + random.nextInt(16), null);
            try (TextSplitReader reader = format.open(split, null, 0)) {
                long before = read.size();
                while (reader.next(batch)) {
                    assertTrue(batch.size() > 0, what);
                    read.addAll(TextTesting.documents(batch));
                }
                assertEquals(0, batch.size(), what);
                assertEquals(read.size() - before, reader.records(), what);
                assertEquals(0, reader.badRecords(), what);
                assertEquals(0, reader.tokenCounts().malformedSequences(), what);
                empty += reader.emptyDocuments();
            }
        }
        assertEquals(corpus.nonEmpty(), read, what);
        assertEquals(corpus.empty(), empty, what + ": empty documents");
    }

    private static Corpus corpus(Random random) {
        return corpus(random, random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(300));
    }

    private static Corpus corpus(Random random, int documents) {
        List<List<String>> docs = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            int n = random.nextInt(8) == 0 ? 0 : random.nextInt(12);
            List<String> doc = new ArrayList<>();
            for (int t = 0; t < n; t++) doc.add(WORDS[random.nextInt(WORDS.length)]);
            docs.add(doc);
        }
        return new Corpus(docs);
    }

    /** A document's text: its words with random case (ASCII words) and separators, maybe line breaks. */
    private static String render(List<String> words, Random random, boolean lineBreaks) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) text.append(random.nextBoolean() ? "12 " : " ");
        for (int t = 0; t < words.size(); t++) {
            if (t > 0) text.append(lineBreaks && random.nextInt(5) == 0 ? "\n" : SEPARATORS[random.nextInt(
                    SEPARATORS.length)]);
            String w = words.get(t);
            boolean ascii = w.chars().allMatch(ch -> ch < 128);
            text.append(ascii && random.nextBoolean() ? w.toUpperCase(java.util.Locale.ROOT) : w);
        }
        if (random.nextBoolean()) text.append(random.nextBoolean() ? "?" : " 7");
        return text.toString();
    }

    /** A CSV file whose column {@code column} holds the documents (quoted when needed or at random). */
    private static String csv(Corpus corpus, int columns, int column, char delimiter, boolean header, Random random) {
        StringBuilder text = new StringBuilder();
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        if (header) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) text.append(delimiter);
                text.append(c == column ? (random.nextBoolean() ? "\"text\"" : "text") : "\"other " + c + "\"");
            }
            text.append(newline);
        }
        for (List<String> doc : corpus.documents()) {
            if (random.nextInt(10) == 0) text.append(newline); // blank lines are not records
            for (int c = 0; c < columns; c++) {
                if (c > 0) text.append(delimiter);
                if (c == column) {
                    String body = render(doc, random, true).replace("!", "\"" + delimiter);
                    boolean quote = body.isBlank() || body.indexOf(delimiter) >= 0 || body.contains("\"")
                            || body.contains("\n") || random.nextBoolean();
                    text.append(quote ? "\"" + body.replace("\"", "\"\"") + "\"" : body);
                } else {
                    text.append(random.nextBoolean() ? Integer.toString(random.nextInt(1000))
                            : "\"x" + delimiter + "\ny\"\"\"");
                }
            }
            text.append(newline);
        }
        return text.toString();
    }
}
