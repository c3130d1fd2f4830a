package io.statewise.ops.cli;

import io.statewise.ops.http.JsonSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statewise tune ID}: a finalize-time sweep of a completed job, the choice stored as a new model version. */
@Command(name = "tune", description = {"Tunes a completed job from its stored state (no data pass): one "
        + "hyperparameter over a range, the whole table and the choice, which becomes a new model version.",
        "k for kmeans (choice elbow or silhouette), num_components for pca (choice by --target explained variance "
                + "ratio), binary_classifier_model_selection_criteria, f_beta, target_recall or target_precision for "
                + "a linear-learner binary classifier. JSON {job_id, parameter, selected_by, table, choice}."})
final class TuneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The job id.")
    String jobId;
    @Option(names = "--parameter", paramLabel = "NAME", required = true, description = "The hyperparameter to sweep.")
    String parameter;
    @Option(names = "--from", paramLabel = "N", description = "First value of an integer range (default: none).")
    Long from;
    @Option(names = "--to", paramLabel = "N", description = "Last value of an integer range (default: none).")
    Long to;
    @Option(names = "--step", paramLabel = "N", description = "Step of the range (default: 1).")
    Long step;
    @Option(names = "--values", paramLabel = "V,V...", split = ",",
            description = "The values instead of a range (default: none).")
    List<String> values;
    @Option(names = "--select", paramLabel = "HOW",
            description = "How to choose: elbow or silhouette (kmeans), target_ratio (pca), one of the values "
                    + "(linear-learner) (default: the algorithm's first).")
    String select;
    @Option(names = "--target", paramLabel = "X",
            description = "Explained variance ratio the pca choice must reach (default: 0.9).")
    Double target;
    @Mixin ClientOptions client;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameter", parameter);
        if (values != null) body.put("values", values);
        if (from != null) body.put("from", from);
        if (to != null) body.put("to", to);
        if (step != null) body.put("step", step);
        if (select != null) body.put("select", select);
        if (target != null) body.put("target", target);
        String json = JsonSupport.mapper().writeValueAsString(body);
        Output.json(spec.commandLine().getOut(), client.client().post(ApiClient.jobPath(jobId) + "/tune", json));
        return ExitCodes.OK;
    }
}
