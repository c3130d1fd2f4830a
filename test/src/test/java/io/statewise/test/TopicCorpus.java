package io.statewise.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** A text corpus with known topics for topic-model tests: one document per line, words drawn mostly from one topic. */
final class TopicCorpus {

    /** Three topics of six words each. */
    static final List<List<String>> TOPICS = List.of(
            List.of("apple", "banana", "cherry", "grape", "lemon", "mango"),
            List.of("guitar", "piano", "violin", "drums", "flute", "cello"),
            List.of("falcon", "eagle", "sparrow", "heron", "robin", "owl"));

    private TopicCorpus() {}

    /** Writes {@code documents} lines of 8 to 17 words, 90% of them from the line's topic. */
    static void write(Path file, int documents, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < documents; d++) {
            List<String> topic = TOPICS.get(random.nextInt(TOPICS.size()));
            int words = 8 + random.nextInt(10);
            for (int w = 0; w < words; w++) {
                List<String> from = random.nextDouble() < 0.9 ? topic : TOPICS.get(random.nextInt(TOPICS.size()));
                out.append(w == 0 ? "" : " ").append(from.get(random.nextInt(from.size())));
            }
            out.append(".\n");
        }
        Files.writeString(file, out);
    }
}
