package io.statewise.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.statewise.actors.job.DataInput;
import io.statewise.actors.job.JobPhase;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import io.statewise.actors.tuningjob.TuningRequest;
import io.statewise.actors.tuningjob.TuningSpec;
import io.statewise.actors.tuningjob.TuningStatus;
import io.statewise.algorithms.data.synthetic.LinearRows;
import io.statewise.algorithms.search.ParamRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tuning job survives its node: stopped mid-rung (children finished, others training), a node started on the same
 * data directory resumes the search from its journal, finds its children again and completes, with each child
 * started once.
 */
@Tag("integration")
class TuningJobRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Config FAST_POLL = ConfigFactory.parseString("statewise.actors.tuning.poll-interval = 100ms");

    @TempDir
    Path dir;

    @Test
    void aSearchStoppedMidRungResumesOnTheNextNodeAndCompletes() throws Exception {
        LinearRows rows = new LinearRows(LinearRows.Kind.REGRESSION, 5, 0, 3.0, 8L);
        rows.writeCsv(dir.resolve("train.csv"), 20_000);
        rows.writeCsv(dir.resolve("validation.csv"), 2_000);
        TuningRequest request = new TuningRequest("linear-learner", Map.of("predictor_type", "regressor",
                "num_models", "1", "mini_batch_size", "100"),
                Map.of("learning_rate", new ParamRange.Interval(1e-4, 0.5, ParamRange.Scale.LOG,
                        ParamRange.NumberType.FLOAT)),
                TuningSpec.Strategy.SUCCESSIVE_HALVING, 9, 3, 1, 3, Optional.empty(), Optional.empty(), 2, 3,
                DataInput.csv(dir.resolve("train.csv").toString()),
                Optional.of(DataInput.csv(dir.resolve("validation.csv").toString())), Optional.empty(), 1, 0, 0);
        Path nodeDir = dir.resolve("node");
        String id;
        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir), FAST_POLL)) {
            id = node.tuningService().start(request).toCompletableFuture().get(30, TimeUnit.SECONDS).tuningId();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            TuningStatus s;
            do {
                Thread.sleep(50);
                s = node.tuningService().status(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } while (s.rungs().get(0).finished() < 2 && System.nanoTime() < deadline);
            assertTrue(s.rungs().get(0).finished() >= 2 && s.rungs().get(0).finished() < 9, "stopped mid-rung: " + s);
        }

        try (StatewiseNode node = StatewiseNode.start(NodeSettings.standalone(nodeDir), FAST_POLL)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            TuningStatus s;
            do {
                Thread.sleep(100);
                s = node.tuningService().status(id).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } while (s.phase() == TuningStatus.Phase.RUNNING && System.nanoTime() < deadline);
            assertEquals(TuningStatus.Phase.COMPLETED, s.phase(), s.toString());
            assertEquals(9 + 3, s.children().size());
            Set<String> ids = new HashSet<>();
            for (TuningStatus.ChildView c : s.children()) {
                assertTrue(ids.add(c.jobId()), "each child once: " + c.jobId());
                assertEquals(JobPhase.COMPLETED, c.phase(), c.toString());
                assertEquals(JobPhase.COMPLETED, node.jobService().status(c.jobId()).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS).phase());
            }
            assertTrue(s.best().orElseThrow().metric().isPresent());
        }
    }
}
