package io.statewise.algorithms.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Turns a user's input location into the sorted list of data files it denotes, so that every node plans the same
 * splits from the same string. A location is one of:
 * <ul>
 *   <li>a file;</li>
 *   <li>a directory: every regular file under it, recursively;</li>
 *   <li>a glob such as {@code data/*.csv} or {@code data/**}{@code /part-*.csv.gz}: the leading segments without glob
 *       characters ({@code * ? [ {}) name the directory to search, the rest is a {@code glob:} pattern matched
 *       against paths relative to that directory.</li>
 * </ul>
 * Under a directory or glob, names starting with {@code .} or {@code _} (checksums, {@code _SUCCESS} markers,
 * hidden directories) are skipped: they are never data. Problems fail fast with a {@link DataException} naming the
 * path, because a typo in a location should not turn into a job that silently trains on nothing.
 */
public final class InputFiles {

    private InputFiles() {}

    /**
     * The data files {@code pathOrGlob} denotes, sorted by path.
     *
     * @param pathOrGlob a file, a directory or a glob, relative to the working directory or absolute
     * @return at least one non-empty regular file
     * @throws DataException if the path does not exist, the glob or directory holds no file, or a file is empty
     */
    public static List<Path> resolve(String pathOrGlob) {
        if (pathOrGlob == null || pathOrGlob.isBlank()) throw new DataException("input path is empty");
        List<Path> files = isGlob(pathOrGlob) ? glob(pathOrGlob) : fileOrDirectory(pathOrGlob);
        files.sort(null);
        for (Path f : files) {
            if (size(f) == 0) throw new DataException("input file is empty: " + f);
        }
        return List.copyOf(files);
    }

    /**
     * The files of a document collection, sorted by path: {@code root} itself if it is a file, else every regular file
     * under it, recursively, skipping hidden names as {@link #resolve} does. Unlike {@link #resolve}, empty files are
     * kept: an empty document is data the reader counts, not a broken input.
     *
     * @throws DataException if {@code root} does not exist or cannot be listed
     */
    static List<Path> documentFiles(Path root) {
        if (Files.isRegularFile(root)) return List.of(root);
        if (!Files.isDirectory(root)) throw new DataException("input path does not exist: " + root);
        List<Path> files = walk(root, Integer.MAX_VALUE, null, root.toString());
        files.sort(null);
        return List.copyOf(files);
    }

    private static boolean isGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') return true;
        }
        return false;
    }

    private static List<Path> fileOrDirectory(String location) {
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            List<Path> one = new ArrayList<>(1);
            one.add(path);
            return one;
        }
        if (!Files.isDirectory(path)) throw new DataException("input path does not exist: " + location);
        List<Path> files = walk(path, Integer.MAX_VALUE, null, location);
        if (files.isEmpty()) throw new DataException("no data file under directory: " + location);
        return files;
    }

    private static List<Path> glob(String glob) {
        String[] segments = glob.split("/", -1);
        int first = 0;
        while (!isGlob(segments[first])) first++;
        String base = String.join("/", Arrays.copyOfRange(segments, 0, first));
        if (first == 1 && segments[0].isEmpty()) base = "/";
        String pattern = String.join("/", Arrays.copyOfRange(segments, first, segments.length));
        Path dir = Path.of(base);
        if (!Files.isDirectory(dir)) {
            String shown = base.isEmpty() ? "." : base;
            throw new DataException("input path does not exist: " + shown + " (of glob " + glob + ")");
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : segments.length - first;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> files = walk(dir, depth, matcher, glob);
        if (files.isEmpty()) throw new DataException("no file matches glob: " + glob);
        return files;
    }

    /** Regular files under {@code dir} (skipping hidden names) whose path relative to {@code dir} matches. */
    private static List<Path> walk(Path dir, int depth, PathMatcher matcher, String location) {
        List<Path> files = new ArrayList<>();
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(dir) || !hidden(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(f) && (matcher == null || matcher.matches(dir.relativize(f)))) {
                    files.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), depth, visitor);
        } catch (NoSuchFileException e) {
            throw new DataException("input path does not exist: " + location, e);
        } catch (IOException e) {
            throw new DataException("cannot list input " + location + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        if (name == null) return false;
        String s = name.toString();
        return s.startsWith(".") || s.startsWith("_");
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new DataException("cannot read input file " + f + ": " + e.getMessage(), e);
        }
    }
}
