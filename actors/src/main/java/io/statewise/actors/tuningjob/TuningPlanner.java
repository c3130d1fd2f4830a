package io.statewise.actors.tuningjob;

import io.statewise.actors.job.JobPlan;
import io.statewise.actors.job.JobPlanner;
import io.statewise.actors.job.JobSpec;
import io.statewise.actors.service.JobRejectedException;
import io.statewise.algorithms.AlgorithmProvider;
import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.UnknownAlgorithmException;
import io.statewise.algorithms.search.Objective;
import io.statewise.algorithms.search.SearchException;
import io.statewise.algorithms.search.SearchSpace;
import io.statewise.algorithms.search.SuccessiveHalving;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a tuning request and draws its configurations: the algorithm trains in epochs, the search space fits its
 * hyperparameters, the strategy's numbers make sense, there is validation data to rank children on, and every drawn
 * configuration makes a valid job over the data (planned once, with the first). Reads the data's headers: call it
 * off actor threads.
 */
public final class TuningPlanner {

    /** The most configurations one tuning job draws. */
    public static final int MAX_CONFIGURATIONS = 1000;

    private final JobPlanner jobs;

    public TuningPlanner(JobPlanner jobs) {
        this.jobs = jobs;
    }

    /** A checked request: the spec and its drawn configurations. */
    public record Planned(TuningSpec spec, List<Map<String, String>> configurations) {}

    /**
     * @throws JobRejectedException naming the field of the first problem
     */
    public Planned plan(TuningRequest r) {
        try {
            return checked(r);
        } catch (SearchException e) {
            throw new JobRejectedException(e.field().orElse(null), e.getMessage(), e);
        }
    }

    private Planned checked(TuningRequest r) {
        AlgorithmProvider<?, ?> provider;
        try {
            provider = Algorithms.provider(r.algorithm());
        } catch (UnknownAlgorithmException e) {
            throw new JobRejectedException("algorithm", e.getMessage(), e);
        }
        if (provider.spec().params().stream().noneMatch(p -> p.name().equals(TuningSpec.EPOCHS))) {
            throw new JobRejectedException("algorithm", r.algorithm() + " trains in one pass, so a search needs no "
                    + "child jobs: tune it from a trained job's state (POST /v1/jobs/{id}/tune)");
        }
        if (r.hyperParameters().containsKey(TuningSpec.EPOCHS)) {
            throw new JobRejectedException("hyperparameters.epochs", "epochs is set per rung by the search: give "
                    + "min_epochs and max_epochs instead");
        }
        for (String name : r.searchSpace().keySet()) {
            if (r.hyperParameters().containsKey(name)) {
                throw new JobRejectedException("hyperparameters." + name, "'" + name + "' is searched, so it cannot"
                        + " also be fixed in hyperparameters");
            }
        }
        SearchSpace space = SearchSpace.of(provider.spec(), r.searchSpace(), Set.of(TuningSpec.EPOCHS));
        if (r.configurations() > MAX_CONFIGURATIONS) {
            throw new JobRejectedException("configurations", "at most " + MAX_CONFIGURATIONS + " configurations, got "
                    + r.configurations());
        }
        if (r.maxParallelJobs() < 1) {
            throw new JobRejectedException("max_parallel_jobs", "max_parallel_jobs must be >= 1, got "
                    + r.maxParallelJobs());
        }
        if (r.validation().isEmpty()) {
            throw new JobRejectedException("validation", "a tuning job ranks its children on validation data: give "
                    + "'validation'");
        }
        Objective objective = Objective.of(provider, r.hyperParameters(), r.objectiveMetric(), r.objectiveGoal());
        TuningSpec spec = new TuningSpec(r.algorithm(), r.hyperParameters(), r.strategy(), r.configurations(),
                r.eta(), r.minEpochs(), r.maxEpochs(), objective, r.maxParallelJobs(), r.seed(), r.train(),
                r.validation().get(), r.test(), r.parallelism(), r.maxBadRecords(), r.splitSizeBytes());
        List<SuccessiveHalving.Rung> rungs = spec.schedule().rungs(); // also checks the schedule's settings
        List<Map<String, String>> configurations = space.sample(r.configurations(), r.seed());
        int last = rungs.get(rungs.size() - 1).epochs();
        JobPlan plan = jobs.plan(spec.childSpec(configurations.get(0), last, Optional.empty()));
        for (int i = 0; i < configurations.size(); i++) {
            JobSpec child = spec.childSpec(configurations.get(i), last, Optional.empty());
            try {
                JobPlanner.trainerFor(child).emptyState(plan.schema());
            } catch (JobRejectedException | InvalidHyperParameterException e) {
                throw new JobRejectedException("search_space", "configuration " + i + " " + configurations.get(i)
                        + " does not make a valid job: " + e.getMessage(), e);
            }
        }
        return new Planned(spec, configurations);
    }
}
