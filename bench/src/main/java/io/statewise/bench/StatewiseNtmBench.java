package io.statewise.bench;

import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobSpec;
import io.statewise.algorithms.data.InputFiles;
import io.statewise.algorithms.data.LibSvmFormat;
import io.statewise.algorithms.data.LibSvmSplitReader;
import io.statewise.algorithms.ntm.NtmModel;
import io.statewise.algorithms.ntm.TopicWord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Statewise side of the topic-model benchmark: {@code job --train <svm> --test <svm> --features V --hp
 * name=value... [--parallelism 2] [--jobs 1] [--split-size bytes] --work-dir <dir> [--topics-out <file>]
 * [--validation <svm>]} runs {@code --jobs} identical {@code ntm} jobs on LibSVM bag-of-words (TextToBow's files)
 * through a standalone node ({@link JobRunner}), with the validation documents scored after every epoch (and early
 * stopping on their loss) when given, evaluates the first model on the test documents ({@link TestSet}: ELBO
 * perplexity, NPMI over the test documents, topic diversity), writes each topic's top 25 word ids (0-based,
 * comma-separated, one line per topic) for the shared scorer of sklearn_lda.py, and prints one JSON line with the
 * training throughput in documents per second per worker and the validation loss of every epoch.
 */
public final class StatewiseNtmBench {

    private static final int TOP_WORDS = 25;

    private StatewiseNtmBench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || !argv[0].equals("job")) {
            System.err.println("usage: StatewiseNtmBench job --train <svm> --test <svm> --features V --hp name=value");
            System.exit(2);
        }
        Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
        String train = Path.of(args.required("train")).toAbsolutePath().toString();
        int features = Integer.parseInt(args.required("features"));
        Map<String, String> hp = new TreeMap<>(args.hyperParameters());
        int parallelism = args.getInt("parallelism", 2);
        Optional<DataInput> validation = Optional.ofNullable(args.get("validation", null))
                .map(v -> DataInput.libsvm(features, Path.of(v).toAbsolutePath().toString()));
        JobSpec spec = new JobSpec("ntm", hp, DataInput.libsvm(features, train), validation, Optional.empty(),
                parallelism, 0, args.getLong("split-size", 0));
        JobRunner.Result result = JobRunner.run(spec, args.getInt("jobs", 1), Path.of(args.required("work-dir")));
        NtmModel model = (NtmModel) result.firstModel().model();

        String testFile = args.required("test");
        LibSvmFormat format = new LibSvmFormat(false);
        Json json = result.json()
                .put("topics", model.numTopics())
                .put("vocabulary", model.featureDimension())
                .put("documents_per_s_per_worker", result.firstStatus().records() / result.firstJobSeconds()
                        / parallelism)
                .putArray("validation_loss_by_epoch", result.firstStatus().epochReports().stream()
                        .mapToDouble(r -> r.metrics().getOrDefault("validation_loss", Double.NaN)).toArray());
        TestSet.evaluate(json, "ntm", hp, model, testFile, format,
                LibSvmSplitReader.probe(InputFiles.resolve(testFile), format, features));
        String topicsOut = args.get("topics-out", null);
        if (topicsOut != null) writeTopics(model, Path.of(topicsOut));
        System.out.println(json);
        System.exit(0);
    }

    private static void writeTopics(NtmModel model, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int k = 0; k < model.numTopics(); k++) {
                List<TopicWord> top = model.topWords(k, TOP_WORDS);
                for (int i = 0; i < top.size(); i++) {
                    w.append(i > 0 ? "," : "").append(Integer.toString(top.get(i).word()));
                }
                w.append('\n');
            }
        }
    }
}
