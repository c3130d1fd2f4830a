package io.statewise.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.actors.job.EpochReport;
import io.statewise.ops.http.JobStatusDto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress rendering and pacing, with a fake clock. */
class JobProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void fractionCountsSplitsOfAllEpochs() {
        assertEquals(0.5, JobProgress.fraction(status("training", 2, 2, 0, 4)), 1e-12);     // (1 * 4 + 0) / 8
        assertEquals(0.375, JobProgress.fraction(status("training", 1, 2, 3, 4)), 1e-12);   // 3 / 8
        assertEquals(1.0, JobProgress.fraction(status("finalizing", 2, 2, 4, 4)), 1e-12);
        assertEquals(0.0, JobProgress.fraction(status("training", 1, 0, 0, 0)), 1e-12);     // not planned yet
    }

    @Test
    void rendersPhaseBarEpochsSplitsAndEta() {
        String line = JobProgress.render(status("training", 2, 2, 0, 4), 75);
        assertEquals("training [#####.....]  50% epoch 2/2 split 0/4 ETA 1:15 1.50M rec 250.0k rec/s", line);
    }

    @Test
    void showsTheLastEpochsLosses() {
        JobStatusDto s = status("training", 3, 4, 1, 4);
        JobStatusDto withLosses = new JobStatusDto(s.jobId(), s.algorithm(), s.phase(), s.epoch(), s.epochs(),
                s.splitsDone(), s.splitsTotal(), s.records(), s.recordsPerSecond(), s.badRecords(), s.metrics(),
                s.error(), s.submittedAt(), s.finishedAt(), List.of(new EpochReport(1, Map.of()),
                        new EpochReport(2, Map.of("train_loss", 0.41234, "validation_loss", 0.45))), Map.of(), 0, 0);
        assertTrue(JobProgress.render(withLosses, 10).endsWith(" rec/s loss 0.4123/0.4500"),
                JobProgress.render(withLosses, 10));
        assertTrue(JobProgress.render(s, 10).endsWith(" rec/s"), "no loss before an epoch reports one");
    }

    @Test
    void formatsDurationsAndCounts() {
        assertEquals("--:--", JobProgress.duration(Double.NaN));
        assertEquals("0:05", JobProgress.duration(5));
        assertEquals("1:01:01", JobProgress.duration(3661));
        assertEquals("999", JobProgress.compact(999));
        assertEquals("2.50G", JobProgress.compact(2.5e9));
    }

    @Test
    void plainLinesComeAtMostEveryTwoSeconds() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        JobProgress progress = new JobProgress(new PrintWriter(err), JobProgress.Mode.LINES, now::get);
        for (int i = 0; i < 25; i++) { // 5 s in steps of 200 ms
            progress.show(status("training", 1, 2, 1, 4));
            now.addAndGet(SECOND / 5);
        }
        progress.finish(status("completed", 2, 2, 4, 4));
        assertEquals(3 + 1, err.toString().lines().count(), err.toString());
        assertFalse(err.toString().contains("\r"));
    }

    @Test
    void terminalRedrawsOneLine() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        JobProgress progress = new JobProgress(new PrintWriter(err), JobProgress.Mode.TERMINAL, now::get);
        progress.show(status("training", 1, 2, 0, 4));
        now.addAndGet(SECOND);
        progress.show(status("training", 1, 2, 2, 4));
        progress.finish(status("completed", 2, 2, 4, 4));
        String text = err.toString();
        assertEquals(3, text.chars().filter(c -> c == '\r').count(), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), text);
        assertTrue(text.endsWith(System.lineSeparator()), text);
    }

    @Test
    void offShowsNothing() {
        StringWriter err = new StringWriter();
        JobProgress progress = new JobProgress(new PrintWriter(err), JobProgress.Mode.OFF, System::nanoTime);
        progress.show(status("training", 1, 2, 0, 4));
        progress.finish(status("completed", 2, 2, 4, 4));
        assertEquals("", err.toString());
    }

    private static JobStatusDto status(String phase, int epoch, int epochs, int splitsDone, int splitsTotal) {
        return new JobStatusDto("j", "kmeans", phase, epoch, epochs, splitsDone, splitsTotal, 1_500_000, 250_000, 0,
                Map.of(), null, Instant.EPOCH, null, List.of(), Map.of(), 0, 0);
    }
}
