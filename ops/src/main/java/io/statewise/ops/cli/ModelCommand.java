package io.statewise.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statewise.algorithms.text.VocabFile;
import io.statewise.algorithms.text.Vocabulary;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise model ID}: a completed job's model. */
@Command(name = "model", description = {"Prints the model of a completed job, or its model as of an event or a "
        + "stored version.",
        "JSON {job_id, algorithm, records, metrics, model} (with --as-of or --version also as_of and version)."})
final class ModelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Option(names = "--vocab-out", paramLabel = "FILE",
            description = "Also write a vocabulary model's terms to FILE, one per line in id order (SageMaker's "
                    + VocabFile.FILE_NAME + ") (default: none).")
    Path vocabOut;
    @Option(names = "--as-of", paramLabel = "SEQ",
            description = "The model as of this event, rebuilt by replaying the job's journal (default: the latest).")
    Long asOf;
    @Option(names = "--version", paramLabel = "N", description = "A stored model version (default: the latest).")
    Integer version;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (asOf != null && version != null) throw CliException.usage("give either --as-of or --version, not both");
        String query = asOf != null ? "?asOf=" + asOf : version != null ? "?version=" + version : "";
        JsonNode model = client.client().get(ApiClient.jobPath(jobId) + "/model" + query);
        if (vocabOut != null) writeVocabulary(model);
        Output.json(spec.commandLine().getOut(), model);
        return ExitCodes.OK;
    }

    private void writeVocabulary(JsonNode model) {
        String algorithm = model.path("algorithm").asText();
        if (!algorithm.equals(Vocabulary.ALGORITHM)) {
            throw CliException.usage("--vocab-out needs a " + Vocabulary.ALGORITHM + " model; job " + jobId
                    + " trained " + algorithm);
        }
        List<String> terms = new ArrayList<>();
        for (JsonNode term : model.path("model").path("terms")) terms.add(term.path("term").asText());
        try {
            VocabFile.write(terms, vocabOut);
        } catch (UncheckedIOException e) {
            throw CliException.usage("cannot write " + vocabOut + ": " + e.getCause().getMessage());
        }
    }
}
