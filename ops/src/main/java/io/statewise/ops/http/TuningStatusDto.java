package io.statewise.ops.http;

import io.statewise.actors.tuningjob.TuningStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tuning job as {@code GET /v1/tuning-jobs/{id}} shows it: phases and the strategy in lower case, every child with
 * its configuration, rung, epochs, the child it continues, metric and cost (records trained), and the best child.
 */
public record TuningStatusDto(String tuningId, String algorithm, String phase, String strategy, String objective,
                              String goal, int maxParallelJobs, List<TuningStatus.RungView> rungs,
                              List<ChildDto> children, Optional<ChildDto> best, long totalCost,
                              Optional<String> error, Instant startedAt, Optional<Instant> finishedAt) {

    /** One child. */
    public record ChildDto(int configuration, Map<String, String> hyperparameters, int rung, String jobId,
                           int epochs, Optional<String> continues, String phase, Optional<Double> metric, long cost,
                           Optional<String> error) {
        static ChildDto from(TuningStatus.ChildView c) {
            return new ChildDto(c.configuration(), c.hyperParameters(), c.rung(), c.jobId(), c.epochs(),
                    c.continues(), lower(c.phase()), c.metric(), c.cost(), c.error());
        }
    }

    static TuningStatusDto from(TuningStatus s) {
        return new TuningStatusDto(s.tuningId(), s.algorithm(), lower(s.phase()), lower(s.strategy()), s.objective(),
                s.goal(), s.maxParallelJobs(), s.rungs(), s.children().stream().map(ChildDto::from).toList(),
                s.best().map(ChildDto::from), s.totalCost(), s.error(), s.startedAt(), s.finishedAt());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
