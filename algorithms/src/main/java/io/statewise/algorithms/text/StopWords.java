package io.statewise.algorithms.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Stop-word lists shipped as resources: one word per line, {@code #} starts a comment line. */
public final class StopWords {

    private static final String ENGLISH_RESOURCE = "english-stop-words.txt";

    private StopWords() {}

    /** The English list ({@code english-stop-words.txt}): about 190 function words, lower case. Immutable. */
    public static List<String> english() {
        return English.WORDS;
    }

    /** Loaded on first use only. */
    private static final class English {
        static final List<String> WORDS = load(ENGLISH_RESOURCE);
    }

    private static List<String> load(String resource) {
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String> words = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) words.add(word);
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
