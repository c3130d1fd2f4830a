package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.text.TextTesting;
import io.statewise.algorithms.text.TokenizerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCsvFormatTest {

    private static final TokenizerConfig TOKENIZER = TokenizerConfig.noStopWords();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<List<String>> readAll(TextFormat format, Path file, long maxBad, long target) {
        List<List<String>> docs = new ArrayList<>();
        for (Split split : format.plan(List.of(file), target)) {
            try (TextSplitReader reader = format.open(split, null, maxBad)) {
                TextBatch batch = new TextBatch(4);
                while (reader.next(batch)) docs.addAll(TextTesting.documents(batch));
            }
        }
        return docs;
    }

    @Test
    void aNamedColumnIsFoundInTheHeaderOfEverySplit() throws IOException {
        Path file = write("posts.csv", "id,\"the \"\"body\"\"\",score\n1,\"Hello, world\",3\n2,\"multi\n"
                + "line \"\"quoted\"\" text\",4\n3,plain words here,5\n");
        TextCsvFormat format = TextCsvFormat.column("the \"body\"").withTokenizer(TOKENIZER);
        List<List<String>> expected = List.of(List.of("hello", "world"), List.of("multi", "line", "quoted", "text"),
                List.of("plain", "words", "here"));
        for (long target : new long[] {1, 10, 30, 1000}) assertEquals(expected, readAll(format, file, 0, target));
        assertEquals(expected, readAll(TextCsvFormat.column(1, true).withTokenizer(TOKENIZER), file, 0, 1));
    }

    @Test
    void aSplitNeverCutsAQuotedLineBreak() throws IOException {
        Path file = write("quoted.csv", "\"a\nb\nc\nd\",x\n\"e\nf\",y\n");
        List<Split> splits = TextCsvFormat.column(0, false).plan(List.of(file), 1);
        assertEquals(List.of(new Split(0, file.toString(), 0, 12, false), new Split(1, file.toString(), 12, 20,
                false)), splits);
    }

    @Test
    void anUnknownColumnNameNamesTheColumnsFound() throws IOException {
        Path file = write("h.csv", "id,title\n1,x\n");
        TextCsvFormat format = TextCsvFormat.column("body");
        Split split = format.plan(List.of(file), 100).get(0);
        DataFormatException e = assertThrows(DataFormatException.class, () -> format.open(split, null, 0));
        assertEquals(file + ":1: no column named 'body' in the header; its columns: [id, title]", e.getMessage());
    }

    @Test
    void aRecordWithoutTheColumnIsBadWithFileAndLine() throws IOException {
        Path file = write("short.csv", "id,text\n1,good words\n\n2\n3,more words\n");
        TextCsvFormat format = TextCsvFormat.column("text").withTokenizer(TOKENIZER);
        DataFormatException e = assertThrows(DataFormatException.class, () -> readAll(format, file, 0, 1000));
        assertEquals(file + ":4: record has 1 field, the text column is field 2", e.getMessage());
        assertEquals(4, e.line());
        assertEquals(List.of(List.of("good", "words"), List.of("more", "words")), readAll(format, file, 1, 1000));
        // the error's line is absolute in the file when the split starts later
        DataFormatException late = assertThrows(DataFormatException.class, () -> readAll(format, file, 0, 5));
        assertEquals(4, late.line());
    }

    @Test
    void aQuotedFieldLeftOpenIsBadAtItsFirstLine() throws IOException {
        Path file = write("open.csv", "text\nfine\n\"never\nclosed\n");
        TextCsvFormat format = TextCsvFormat.column("text").withTokenizer(TOKENIZER);
        DataFormatException e = assertThrows(DataFormatException.class, () -> readAll(format, file, 0, 1000));
        assertEquals(file + ":3: quoted field not closed before the end of the file", e.getMessage());
        try (TextSplitReader reader = format.open(format.plan(List.of(file), 1000).get(0), null, 5)) {
            TextBatch batch = new TextBatch(8);
            assertTrue(reader.next(batch));
            assertEquals(List.of(List.of("fine")), TextTesting.documents(batch));
            assertEquals(1, reader.badRecords());
            assertTrue(reader.firstBadRecordError().isPresent());
        }
    }

    @Test
    void invalidFormatsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TextCsvFormat(false, "text", -1, (byte) ',',
                TOKENIZER));
        assertThrows(IllegalArgumentException.class, () -> new TextCsvFormat(true, "text", 2, (byte) ',', TOKENIZER));
        assertThrows(IllegalArgumentException.class, () -> new TextCsvFormat(true, null, -1, (byte) ',', TOKENIZER));
        assertThrows(IllegalArgumentException.class, () -> TextCsvFormat.column("t").withDelimiter((byte) '"'));
        assertThrows(IllegalArgumentException.class, () -> TextCsvFormat.column("t").withDelimiter((byte) '\n'));
    }

    @Test
    void aDirectoryThatLostFilesAfterPlanningFailsClearly() throws IOException {
        Path root = Files.createDirectories(dir.resolve("docs"));
        for (int i = 0; i < 4; i++) Files.writeString(root.resolve("d" + i + ".txt"), "word " + i);
        TextFilesFormat format = TextFilesFormat.defaults();
        List<Split> splits = format.plan(List.of(root), 1);
        assertEquals(4, splits.size());
        Files.delete(root.resolve("d3.txt"));
        DataException e = assertThrows(DataException.class, () -> format.open(splits.get(3), null, 0));
        assertTrue(e.getMessage().contains("the directory changed after planning"), e.getMessage());
    }

    @Test
    void aTextReaderRejectsNumericBatches() throws IOException {
        Path file = write("l.txt", "some words\n");
        TextLinesFormat format = TextLinesFormat.defaults();
        try (TextSplitReader reader = format.open(format.plan(List.of(file), 100).get(0), null, 0)) {
            assertThrows(IllegalArgumentException.class, () -> reader.next(new DenseBatch(1, 1)));
        }
    }
}
