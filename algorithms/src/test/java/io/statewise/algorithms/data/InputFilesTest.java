package io.statewise.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private Path file(String relative) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "1,2\n");
        return f;
    }

    @BeforeEach
    void layout() throws IOException {
        file("data/b.csv");
        file("data/a.csv");
        file("data/x/part-00001.csv.gz");
        file("data/x/y/part-00000.csv.gz");
        file("data/x/part-00000.csv.gz");
        file("data/_SUCCESS");
        file("data/.a.csv.crc");
        file("data/_temporary/part-00009.csv.gz");
        file("data/.hidden/c.csv");
        file("other/d.csv");
    }

    private List<Path> paths(String... relative) {
        return java.util.Arrays.stream(relative).map(dir::resolve).toList();
    }

    @Test
    void resolvesAFile() {
        assertEquals(paths("data/a.csv"), InputFiles.resolve(dir.resolve("data/a.csv").toString()));
    }

    @Test
    void resolvesADirectoryRecursivelySkippingHiddenNames() {
        assertEquals(paths("data/a.csv", "data/b.csv", "data/x/part-00000.csv.gz", "data/x/part-00001.csv.gz",
                "data/x/y/part-00000.csv.gz"), InputFiles.resolve(dir.resolve("data").toString()));
    }

    @Test
    void resolvesGlobs() {
        assertEquals(paths("data/a.csv", "data/b.csv"), InputFiles.resolve(dir + "/data/*.csv"));
        assertEquals(paths("data/x/part-00000.csv.gz", "data/x/part-00001.csv.gz", "data/x/y/part-00000.csv.gz"),
                InputFiles.resolve(dir + "/data/**/part-*.csv.gz"));
        assertEquals(paths("data/x/part-00000.csv.gz", "data/x/part-00001.csv.gz"),
                InputFiles.resolve(dir + "/data/x/part-*.csv.gz"));
        assertEquals(paths("data/a.csv", "other/d.csv"), InputFiles.resolve(dir + "/{data,other}/[ad].csv"));
    }

    @Test
    void failsOnAMissingPath() {
        String missing = dir.resolve("nope.csv").toString();
        DataException e = assertThrows(DataException.class, () -> InputFiles.resolve(missing));
        assertEquals("input path does not exist: " + missing, e.getMessage());
        assertThrows(DataException.class, () -> InputFiles.resolve(dir + "/nope/*.csv"));
    }

    @Test
    void failsOnAGlobMatchingNothing() {
        DataException e = assertThrows(DataException.class, () -> InputFiles.resolve(dir + "/data/*.parquet"));
        assertEquals("no file matches glob: " + dir + "/data/*.parquet", e.getMessage());
    }

    @Test
    void failsOnAnEmptyFile() throws IOException {
        Path empty = dir.resolve("data/empty.csv");
        Files.createFile(empty);
        DataException e = assertThrows(DataException.class, () -> InputFiles.resolve(dir + "/data/*.csv"));
        assertEquals("input file is empty: " + empty, e.getMessage());
    }

    @Test
    void failsOnADirectoryWithoutDataFiles() throws IOException {
        Files.createDirectories(dir.resolve("nothing/_logs"));
        Files.writeString(dir.resolve("nothing/_logs/x"), "1");
        assertThrows(DataException.class, () -> InputFiles.resolve(dir.resolve("nothing").toString()));
    }
}
