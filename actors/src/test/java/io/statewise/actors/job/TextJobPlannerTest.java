package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.TextCsvFormat;
import io.statewise.algorithms.data.TextFilesFormat;
import io.statewise.algorithms.data.TextLinesFormat;
import io.statewise.algorithms.text.TokenizerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning of text inputs: schema, formats, split alignment, and the rejections that name the offending field. */
class TextJobPlannerTest {

    private static final JobPlanner PLANNER = new JobPlanner(1 << 20, 2);
    private static final Map<String, String> VOCABULARY = Map.of("vocab_size", "10");

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    private static JobSpec spec(String algorithm, Map<String, String> params, DataInput train,
                                Optional<DataInput> validation) {
        return new JobSpec(algorithm, params, train, validation, Optional.empty(), 1, 0, 1);
    }

    private static JobSpec vocabulary(DataInput train) {
        return spec("vocabulary", VOCABULARY, train, Optional.empty());
    }

    private static JobRejectedException rejected(JobSpec spec, String field) {
        JobRejectedException e = assertThrows(JobRejectedException.class, () -> PLANNER.plan(spec));
        assertEquals(Optional.of(field), e.field(), e.getMessage());
        return e;
    }

    private static DataInput withOptions(DataInput in, boolean header, int labelColumn, Integer features) {
        return new DataInput(in.paths(), header, labelColumn, in.format(), false, Optional.ofNullable(features),
                in.text());
    }

    @Test
    void aDirectoryOfFilesIsPlannedByFileGroupsWithTheTextSchema() throws IOException {
        write("docs/a.txt", "the cat");
        write("docs/b.txt", "a dog");
        write("docs/sub/c.txt", "a bird");
        write("docs/.hidden", "never read");
        JobPlan plan = PLANNER.plan(vocabulary(DataInput.text("text_files", TextOptions.defaults(),
                dir.resolve("docs").toString())));
        assertEquals(DataSchema.TEXT, plan.schema());
        assertEquals(TextFilesFormat.defaults(), plan.train().dataFormat());
        assertEquals(3, plan.train().splits().size(), "split size 1: one file per split");
        assertEquals(List.of(0L, 1L, 2L), plan.train().splits().stream().map(s -> s.start()).toList(),
                "a split's range indexes the directory's listing");
    }

    @Test
    void linesAndCsvColumnsCarryTheirTokenizerOptions() throws IOException {
        String lines = write("lines.txt", "one doc\nanother doc\n");
        TextOptions options = TextOptions.defaults().withStopWords(List.of()).withMinTokenLength(3);
        JobPlan plan = PLANNER.plan(vocabulary(DataInput.text("text", options, lines)));
        assertEquals(new TextLinesFormat(new TokenizerConfig(3, 50, List.of())), plan.train().dataFormat());

        String posts = "id,body\n1,\"hello, \"\"world\"\"\nsecond line\"\n2,bye\n";
        String csv = write("posts.csv", posts);
        DataInput byName = withOptions(DataInput.text("text_csv", TextOptions.defaults().withColumn("body"), csv),
                true, 0, null);
        plan = PLANNER.plan(vocabulary(byName));
        assertEquals(TextCsvFormat.column("body"), plan.train().dataFormat());
        assertEquals(3, plan.train().splits().size(), "header, then one split per record (split size 1)");
        assertEquals(posts.indexOf("2,bye"), plan.train().splits().get(1).end(), "the quoted line break is not cut");
        DataInput byIndex = withOptions(DataInput.text("text_csv", TextOptions.defaults().withColumn(1), csv),
                true, -1, null);
        assertEquals(TextCsvFormat.column(1, true), PLANNER.plan(vocabulary(byIndex)).train().dataFormat());
    }

    @Test
    void theAlgorithmMustReadTheInputsKind() throws IOException {
        String lines = write("lines.txt", "one doc\n");
        String csv = write("x.csv", "1,2\n3,4\n");
        JobRejectedException e = rejected(spec("kmeans", Map.of("k", "2"),
                DataInput.text("text", TextOptions.defaults(), lines), Optional.empty()), "train.format");
        assertEquals("algorithm 'kmeans' reads numeric input (csv, libsvm), not text input (format text)",
                e.getMessage());
        e = rejected(vocabulary(DataInput.csv(csv)), "train.format");
        assertEquals("algorithm 'vocabulary' reads text input (text, text_files, text_csv), not numeric input "
                + "(format csv)", e.getMessage());
        e = rejected(spec("vocabulary", VOCABULARY, DataInput.text("text", TextOptions.defaults(), lines),
                Optional.of(DataInput.csv(csv))), "validation.format");
        assertTrue(e.getMessage().startsWith("mixed numeric/text inputs in one job: train is text but validation "
                + "is csv"), e.getMessage());
    }

    @Test
    void optionsThatDoNotApplyToTheFormatAreRejected() throws IOException {
        String lines = write("lines.txt", "one doc\n");
        DataInput text = DataInput.text("text", TextOptions.defaults(), lines);
        assertEquals("features applies to csv and libsvm input, not text: documents have no feature dimension",
                rejected(vocabulary(withOptions(text, false, 0, 5)), "train.features").getMessage());
        assertEquals("header applies to csv and text_csv input, not text",
                rejected(vocabulary(withOptions(text, true, 0, null)), "train.header").getMessage());
        rejected(vocabulary(withOptions(text, false, 2, null)), "train.label_column");
        assertEquals("text.column applies to text_csv input only, not text", rejected(vocabulary(
                DataInput.text("text", TextOptions.defaults().withColumn(0), lines)), "train.text.column")
                .getMessage());
        String csv = write("x.csv", "1,2\n");
        DataInput csvWithText = new DataInput(List.of(csv), false, 0, "csv", false, Optional.empty(),
                Optional.of(TextOptions.defaults()));
        assertEquals("text options apply to text formats (text, text_files, text_csv), not csv",
                rejected(spec("kmeans", Map.of("k", "1"), csvWithText, Optional.empty()), "train.text").getMessage());
    }

    @Test
    void csvTextColumnsAndTokenizerOptionsAreChecked() throws IOException {
        String csv = write("posts.csv", "id,body\n1,hello\n");
        rejected(vocabulary(DataInput.text("text_csv", TextOptions.defaults(), csv)), "train.text.column");
        assertTrue(rejected(vocabulary(DataInput.text("text_csv", TextOptions.defaults().withColumn("body"), csv)),
                "train.header").getMessage().contains("set header to true"));
        DataInput missing = withOptions(DataInput.text("text_csv", TextOptions.defaults().withColumn("title"), csv),
                true, 0, null);
        assertTrue(rejected(vocabulary(missing), "train.paths").getMessage().contains("title"));

        String lines = write("lines.txt", "one doc\n");
        assertEquals("text.min_token_length must be >= 1, got 0", rejected(vocabulary(DataInput.text("text",
                TextOptions.defaults().withMinTokenLength(0), lines)), "train.text.min_token_length").getMessage());
        TextOptions shortMax = new TextOptions(Optional.empty(), Optional.empty(), Optional.of(4), Optional.of(3),
                Optional.empty());
        rejected(vocabulary(DataInput.text("text", shortMax, lines)), "train.text.max_token_length");
        assertTrue(rejected(vocabulary(DataInput.text("text", TextOptions.defaults().withStopWords(List.of("it's")),
                lines)), "train.text.stop_words").getMessage().contains("it's"));
    }

    @Test
    void anEmptyOrMissingDocumentDirectoryIsRejected() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(rejected(vocabulary(DataInput.text("text_files", TextOptions.defaults(),
                dir.resolve("empty").toString())), "train.paths").getMessage().startsWith("no document files in"));
        assertTrue(rejected(vocabulary(DataInput.text("text_files", TextOptions.defaults(),
                dir.resolve("nope").toString())), "train.paths").getMessage().contains("does not exist"));
    }
}
