package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.job.TextOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Argument parsing only: no node is started. */
class CliArgumentsTest {

    @Test
    void parsesHyperParametersInOrder() {
        JobSpec spec = train("--algorithm", "kmeans", "--data", "x.csv", "-p", "k=10", "--param", "init=random",
                "-p", "expr=a=b", "-p", "empty=", "-p", "k=12").jobSpec();
        assertEquals(Map.of("k", "12", "init", "random", "expr", "a=b", "empty", ""), spec.hyperParameters());
    }

    @Test
    void nameValueNeedsAName() {
        assertEquals(new NameValue("k", "10"), NameValue.parse(" k =10"));
        assertThrows(TypeConversionException.class, () -> NameValue.parse("k"));
        assertThrows(TypeConversionException.class, () -> NameValue.parse("=10"));
    }

    @Test
    void badHyperParameterSyntaxExits2WithOneLine() {
        CliRun run = CliRun.of("train", "--algorithm", "kmeans", "--data", "x.csv", "-p", "k");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("statewise: error: "), run.err());
        assertTrue(run.err().contains("expected name=value"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void buildsTheJobSpec() {
        JobSpec spec = train("--algorithm", "kmeans", "--data", "a.csv", "--data", "b/*.csv", "--validation", "v.csv",
                "--header", "--label-column", "none", "--parallelism", "3", "--max-bad-records", "7",
                "--split-size", "1000").jobSpec();
        assertEquals("kmeans", spec.algorithm());
        assertEquals(new DataInput(List.of("a.csv", "b/*.csv"), true, -1), spec.train());
        assertEquals(new DataInput(List.of("v.csv"), true, -1), spec.validation().orElseThrow());
        assertTrue(spec.test().isEmpty());
        assertEquals(3, spec.parallelism());
        assertEquals(7, spec.maxBadRecords());
        assertEquals(1000, spec.splitSizeBytes());
    }

    @Test
    void buildsLibSvmInputs() {
        JobSpec spec = train("--algorithm", "kmeans", "--data", "a.svm", "--test", "t.svm", "--format", "libsvm",
                "--zero-based", "--features", "1000").jobSpec();
        assertEquals(new DataInput(List.of("a.svm"), false, 0, "libsvm", true, Optional.of(1000)), spec.train());
        assertEquals(new DataInput(List.of("t.svm"), false, 0, "libsvm", true, Optional.of(1000)),
                spec.test().orElseThrow());
        DataInput csv = train("--algorithm", "kmeans", "--data", "x.csv").jobSpec().train();
        assertEquals(new DataInput(List.of("x.csv"), false, 0), csv);
        assertEquals("csv", csv.format());
    }

    @Test
    void buildsTextInputs() {
        JobSpec spec = train("--algorithm", "vocabulary", "--data", "corpus", "--format", "text_files").jobSpec();
        assertEquals(DataInput.text("text_files", TextOptions.defaults(), "corpus").paths(), spec.train().paths());
        assertEquals("text_files", spec.train().format());
        assertEquals(Optional.empty(), spec.train().text(), "no option given: the defaults");

        spec = train("--algorithm", "vocabulary", "--data", "posts.csv", "--format", "text_csv", "--header",
                "--text-column", "body", "--min-token-length", "3", "--stop-words", "none").jobSpec();
        assertEquals(TextOptions.defaults().withColumn("body").withMinTokenLength(3).withStopWords(List.of()),
                spec.train().text().orElseThrow());
        spec = train("--algorithm", "vocabulary", "--data", "p.csv", "--format", "text_csv", "--text-column", "2",
                "--max-token-length", "9", "--stop-words", "foo, bar").jobSpec();
        assertEquals(new TextOptions(Optional.empty(), Optional.of(2), Optional.empty(), Optional.of(9),
                Optional.of(List.of("foo", "bar"))), spec.train().text().orElseThrow());
    }

    @Test
    void unknownFormatExits2() {
        CliException e = assertThrows(CliException.class,
                () -> train("--algorithm", "kmeans", "--data", "x.svm", "--format", "parquet").jobSpec());
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("csv, libsvm, text, text_files, text_csv"), e.getMessage());
    }

    @Test
    void labelColumnDefaultsTo0() {
        assertEquals(0, train("--algorithm", "kmeans", "--data", "x.csv").jobSpec().train().labelColumn());
        assertEquals(4, train("--algorithm", "kmeans", "--data", "x.csv", "--label-column", "4").jobSpec()
                .train().labelColumn());
    }

    @Test
    void badLabelColumnExits2() {
        CliRun run = CliRun.of("train", "--algorithm", "kmeans", "--data", "x.csv", "--label-column", "first");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("'none'"), run.err());
    }

    @Test
    void negativeParallelismExits2() {
        CliException e = assertThrows(CliException.class,
                () -> train("--algorithm", "kmeans", "--data", "x.csv", "--parallelism", "-1").jobSpec());
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }

    @Test
    void missingRequiredOptionsExit2() {
        CliRun run = CliRun.of("train", "--data", "x.csv");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--algorithm"), run.err());
    }

    @Test
    void noCommandExits2() {
        assertEquals(ExitCodes.USAGE, CliRun.of().exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("fly").exitCode());
    }

    @Test
    void badSeedExits2() {
        CliRun run = CliRun.of("node", "--seed", "localhost");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("HOST:PORT"), run.err());
    }

    @Test
    void journalOptionsBecomeConfigKeys() {
        var journal = node("--journal", "PostgreSQL", "--journal-user", "sw", "--serve-journal", "9093")
                .journalConfig();
        assertEquals("postgres", journal.getString("statewise.journal.profile"));
        assertEquals("sw", journal.getString("statewise.journal.user"));
        assertTrue(journal.getBoolean("statewise.journal.serve.enabled"));
        assertEquals("127.0.0.1", journal.getString("statewise.journal.serve.host"));
        assertEquals(9093, journal.getInt("statewise.journal.serve.port"));
        var elsewhere = node("--serve-journal", "0.0.0.0:0").journalConfig();
        assertEquals("0.0.0.0", elsewhere.getString("statewise.journal.serve.host"));
        assertEquals(0, elsewhere.getInt("statewise.journal.serve.port"));
        assertTrue(node().journalConfig().isEmpty());
    }

    @Test
    void roleOptionsBecomeConfigKeys() {
        var roles = node("--roles", "worker", "--worker-slots", "3").rolesConfig();
        assertEquals(List.of("worker"), roles.getStringList("statewise.node.roles"));
        assertEquals("3", roles.getString("statewise.node.worker-slots"));
        assertEquals(List.of("api", "jobs"), node("--roles", "api,jobs").rolesConfig()
                .getStringList("statewise.node.roles"));
        assertTrue(node().rolesConfig().isEmpty());
        CliRun bad = CliRun.of("node", "--worker-slots", "0");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--worker-slots"), bad.err());
    }

    @Test
    void badJournalOptionsExit2() {
        CliRun profile = CliRun.of("node", "--journal", "mysql");
        assertEquals(ExitCodes.USAGE, profile.exitCode());
        assertTrue(profile.err().contains("expected h2 or postgres"), profile.err());
        CliRun serve = CliRun.of("node", "--serve-journal", "host:port");
        assertEquals(ExitCodes.USAGE, serve.exitCode());
        assertTrue(serve.err().contains("[HOST:]PORT"), serve.err());
    }

    @Test
    void helpShowsDefaults() {
        CliRun run = CliRun.of("node", "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        // picocli wraps descriptions to the width of the longest option: compare with whitespace collapsed.
        assertTrue(run.out().replaceAll("\\s+", " ").contains("default: 8080"), run.out());
        assertTrue(run.out().contains("statewise-data"), run.out());
    }

    private static NodeCommand node(String... args) {
        var parsed = StatewiseCli.commandLine().parseArgs(prepend("node", args));
        return (NodeCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static TrainCommand train(String... args) {
        var parsed = StatewiseCli.commandLine().parseArgs(prepend("train", args));
        return (TrainCommand) parsed.subcommand().commandSpec().userObject();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
