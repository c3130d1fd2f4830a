package io.statewise.test;

import java.nio.file.Path;

/** k-means job specs (JSON, as {@code POST /v1/jobs} takes them) for tests that drive real nodes. */
final class KMeansJobs {
    private KMeansJobs() {}

    /** A k-means job over one CSV file (label in the first column), mini-batches of 500. */
    static String spec(Path data, int k, int epochs, long seed, int parallelism, int splitSizeBytes) {
        return """
                {"algorithm":"kmeans","hyperparameters":{"k":%d,"epochs":%d,"mini_batch_size":500,"seed":%d},
                 "train":{"paths":["%s"]},"parallelism":%d,"split_size_bytes":%d}
                """.formatted(k, epochs, seed, data.toString().replace("\\", "/"), parallelism, splitSizeBytes);
    }
}
