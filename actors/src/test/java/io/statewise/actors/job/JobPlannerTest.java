package io.statewise.actors.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.data.CsvFormat;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning of CSV and LibSVM inputs: schemas, formats and the rejections that name the offending field. */
class JobPlannerTest {

    private static final JobPlanner PLANNER = new JobPlanner(1 << 20, 2);

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    private static JobSpec spec(DataInput train, Optional<DataInput> validation, Optional<DataInput> test) {
        return new JobSpec("kmeans", Map.of("k", "2"), train, validation, test, 1, 0, 0);
    }

    private static DataInput input(String path, String format, boolean zeroBased, Integer features) {
        return new DataInput(List.of(path), false, 0, format, zeroBased, Optional.ofNullable(features));
    }

    private static JobRejectedException rejected(JobSpec spec) {
        return assertThrows(JobRejectedException.class, () -> PLANNER.plan(spec));
    }

    @Test
    void balancesTheSplitsOfAnNtmJobByDocumentsAndAKMeansJobByBytes() throws IOException {
        // 30 documents of one word, then 10 of 24 words: halves by bytes would hold 35 and 5 documents
        StringBuilder docs = new StringBuilder("1 1:1\n".repeat(30));
        for (int d = 0; d < 10; d++) {
            docs.append('1');
            for (int w = 1; w <= 24; w++) docs.append(' ').append(w).append(":1");
            docs.append('\n');
        }
        String train = write("docs.svm", docs.toString());
        long half = Files.size(Path.of(train)) / 2 + 1;
        Map<String, String> ntm = Map.of("num_topics", "2", "feature_dim", "25");
        JobPlan byDocuments = PLANNER.plan(new JobSpec("ntm", ntm, DataInput.libsvm(25, train), Optional.of(
                DataInput.libsvm(25, train)), Optional.empty(), 2, 0, half));
        assertEquals(List.of(20L, 20L), byDocuments.train().splits().stream().map(s -> lines(train, s)).toList());
        assertEquals(List.of(35L, 5L), byDocuments.validation().orElseThrow().splits().stream()
                .map(s -> lines(train, s)).toList(), "validation data is read by one scorer: planned by bytes");
        JobPlan byBytes = PLANNER.plan(new JobSpec("kmeans", Map.of("k", "2"), DataInput.libsvm(25, train),
                Optional.empty(), Optional.empty(), 2, 0, half));
        assertEquals(List.of(35L, 5L), byBytes.train().splits().stream().map(s -> lines(train, s)).toList());
    }

    private static long lines(String file, Split split) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            long n = 0;
            for (long i = split.start(); i < split.end(); i++) if (bytes[(int) i] == '\n') n++;
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void plansALibSvmJobWithASparseSchemaAndItsFormat() throws IOException {
        String train = write("train.svm", "1 1:1 3:2\n0 2:1\n");
        String test = write("test.svm", "1 0:1\n");
        JobPlan plan = PLANNER.plan(spec(DataInput.libsvm(3, train), Optional.empty(),
                Optional.of(input(test, "LibSVM", true, 3))));
        assertEquals(new DataSchema(3, true, true), plan.schema());
        assertEquals(new InputFormat("libsvm", false, 0, false), plan.train().format());
        assertEquals(new LibSvmFormat(false), plan.train().dataFormat());
        assertEquals(new LibSvmFormat(true), plan.test().orElseThrow().dataFormat());
        assertEquals(1, plan.train().splits().size());
    }

    @Test
    void aCsvJobStillPlansAsBeforeAndMayDeclareItsDimension() throws IOException {
        String csv = write("train.csv", "0,1,2\n1,3,4\n");
        JobPlan plan = PLANNER.plan(spec(input(csv, null, false, 2), Optional.empty(), Optional.empty()));
        assertEquals(new DataSchema(2, true, false), plan.schema());
        assertEquals(new InputFormat("csv", false, 0, false), plan.train().format());
        assertInstanceOf(CsvFormat.class, plan.train().dataFormat());

        JobRejectedException e = rejected(spec(input(csv, "csv", false, 3), Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("train.features"), e.field());
        assertTrue(e.getMessage().contains("has 2 features but 'features' is 3"), e.getMessage());
    }

    @Test
    void libSvmWithoutFeaturesIsRejected() throws IOException {
        String svm = write("train.svm", "1 1:1\n");
        JobRejectedException e = rejected(spec(input(svm, "libsvm", false, null), Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("train.features"), e.field());
        assertEquals("libsvm input needs 'features' (the feature dimension)", e.getMessage());

        String csv = write("train.csv", "0,1\n");
        e = rejected(spec(DataInput.csv(csv), Optional.of(input(svm, "libsvm", false, null)), Optional.empty()));
        assertEquals(Optional.of("validation.features"), e.field());
    }

    @Test
    void mixedDenseAndSparseInputsAreRejectedNamingTheField() throws IOException {
        String csv = write("train.csv", "0,1,2\n");
        String svm = write("test.svm", "1 1:1\n");
        JobRejectedException e = rejected(spec(DataInput.csv(csv), Optional.empty(),
                Optional.of(DataInput.libsvm(2, svm))));
        assertEquals(Optional.of("test.format"), e.field());
        assertTrue(e.getMessage().startsWith("mixed dense/sparse inputs in one job: train is csv but test is libsvm"),
                e.getMessage());

        e = rejected(spec(DataInput.libsvm(2, svm), Optional.of(DataInput.csv(csv)), Optional.empty()));
        assertEquals(Optional.of("validation.format"), e.field());
    }

    @Test
    void declaredDimensionsMustAgreeAcrossInputs() throws IOException {
        String train = write("train.svm", "1 1:1\n");
        String validation = write("validation.svm", "1 1:1\n");
        JobRejectedException e = rejected(spec(DataInput.libsvm(10, train),
                Optional.of(DataInput.libsvm(12, validation)), Optional.empty()));
        assertEquals(Optional.of("validation.features"), e.field());
        assertEquals("validation data declares 12 features but train data declares 10", e.getMessage());
    }

    @Test
    void aBadFirstRecordIsRejectedAtSubmissionWithItsLocation() throws IOException {
        String svm = write("train.svm", "1 1:1 4:1\n");
        JobRejectedException e = rejected(spec(DataInput.libsvm(3, svm), Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("train.paths"), e.field());
        assertTrue(e.getMessage().startsWith(Path.of(svm).toAbsolutePath().normalize() + ":1:7: feature index 4"),
                e.getMessage());
    }

    @Test
    void optionsThatDoNotApplyToTheFormatAreRejected() throws IOException {
        String svm = write("train.svm", "1 1:1\n");
        String csv = write("train.csv", "0,1\n");
        JobRejectedException e = rejected(spec(new DataInput(List.of(svm), true, 0, "libsvm", false, Optional.of(2)),
                Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("train.header"), e.field());
        e = rejected(spec(new DataInput(List.of(svm), false, -1, "libsvm", false, Optional.of(2)),
                Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("train.label_column"), e.field());
        e = rejected(spec(input(csv, "csv", true, null), Optional.empty(), Optional.empty()));
        assertEquals(Optional.of("train.zero_based"), e.field());
    }

    @Test
    void dataInputDefaultsAndValidation() {
        DataInput csv = new DataInput(List.of("a"), true, -1, null, false, null);
        assertEquals(new DataInput(List.of("a"), true, -1), csv);
        assertEquals("csv", csv.format());
        assertEquals(Optional.empty(), csv.features());
        assertThrows(IllegalArgumentException.class,
                () -> new DataInput(List.of("a"), false, 0, "parquet", false, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new DataInput(List.of("a"), false, 0, "libsvm", false, Optional.of(0)));
    }

    @Test
    void rejectsHyperparametersThatDoNotFitTheDataBeforeTheJobStarts() throws IOException {
        String csv = write("three-features.csv", "0,1,2,3\n1,4,5,6\n");
        JobSpec tooMany = new JobSpec("pca", Map.of("num_components", "4"), DataInput.csv(csv),
                Optional.empty(), Optional.empty(), 1, 0, 0);
        JobRejectedException e = rejected(tooMany);
        assertEquals(Optional.of("hyperparameters.num_components"), e.field());
        assertTrue(e.getMessage().contains("only 3 features"), e.getMessage());
    }
}
