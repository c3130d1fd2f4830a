package io.statewise.ops.cli;

import io.statewise.ops.http.JobStatusDto;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Follows a job until it is final and shows its progress on stderr: on a terminal one line redrawn with {@code \r}
 * every 200 ms; otherwise (output redirected) a plain line at most every 2 s; or nothing. The ETA extrapolates the
 * split progress seen since following began. Used from one thread.
 */
final class JobProgress {
    private static final long POLL_MILLIS = 200;
    private static final long LINE_INTERVAL_NANOS = 2_000_000_000L;
    private static final int BAR_WIDTH = 10;
    private static final int TERMINAL_WIDTH = 79;

    /** How progress is shown. */
    enum Mode {
        TERMINAL, LINES, OFF;

        /** {@code TERMINAL} when there is a console, {@code LINES} otherwise, {@code OFF} if disabled. */
        static Mode detect(boolean disabled) {
            if (disabled) return OFF;
            return System.console() != null ? TERMINAL : LINES;
        }
    }

    /** Where the status comes from: the runtime or the HTTP API. */
    @FunctionalInterface
    interface StatusSource {
        JobStatusDto poll() throws Exception;
    }

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier nanoTime;
    private boolean started;
    private long startNanos;
    private double startFraction;
    private boolean printedLine;
    private long lastLineNanos;
    private int lastWidth;

    JobProgress(PrintWriter err, Mode mode, LongSupplier nanoTime) {
        this.err = err;
        this.mode = mode;
        this.nanoTime = nanoTime;
    }

    /** Polls {@code source} until the job is final; returns the final status. */
    JobStatusDto follow(StatusSource source) throws Exception {
        while (true) {
            JobStatusDto status = source.poll();
            if (status.toPhase().isFinal()) {
                finish(status);
                return status;
            }
            show(status);
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Shows a non-final status. */
    void show(JobStatusDto status) {
        long now = nanoTime.getAsLong();
        String line = render(status, eta(status, now));
        if (mode == Mode.TERMINAL) {
            redraw(line);
        } else if (mode == Mode.LINES && (!printedLine || now - lastLineNanos >= LINE_INTERVAL_NANOS)) {
            err.println(line);
            err.flush();
            printedLine = true;
            lastLineNanos = now;
        }
    }

    /** Shows the final status and ends the progress line. */
    void finish(JobStatusDto status) {
        String line = render(status, Double.NaN);
        if (mode == Mode.TERMINAL) {
            redraw(line);
            err.println();
        } else if (mode == Mode.LINES) {
            err.println(line);
        }
        err.flush();
    }

    private void redraw(String line) {
        String shown = line.length() > TERMINAL_WIDTH ? line.substring(0, TERMINAL_WIDTH) : line;
        err.print("\r" + shown + " ".repeat(Math.max(0, lastWidth - shown.length())));
        err.flush();
        lastWidth = shown.length();
    }

    /** Seconds left, extrapolated from the progress since the first status; NaN while unknown. */
    private double eta(JobStatusDto status, long now) {
        double fraction = fraction(status);
        if (!started) {
            started = true;
            startNanos = now;
            startFraction = fraction;
            return Double.NaN;
        }
        double seconds = (now - startNanos) / 1e9;
        double progress = fraction - startFraction;
        if (progress <= 0 || seconds <= 0) return Double.NaN;
        return (1 - fraction) * seconds / progress;
    }

    /** The share of all splits of all epochs merged so far, in [0, 1]. */
    static double fraction(JobStatusDto s) {
        if (!s.phase().equals("training")) return 1;
        long total = (long) s.epochs() * s.splitsTotal();
        if (total <= 0) return 0;
        long done = (long) Math.max(0, s.epoch() - 1) * s.splitsTotal() + s.splitsDone();
        return Math.min(1, Math.max(0, (double) done / total));
    }

    /** One progress line: {@code training [####......]  40% epoch 2/5 split 3/10 ETA 0:42 1.20M rec 250.0k rec/s}. */
    static String render(JobStatusDto s, double etaSeconds) {
        double fraction = fraction(s);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        StringBuilder line = new StringBuilder()
                .append(s.phase()).append(" [")
                .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)))
                .append(" epoch ").append(s.epoch()).append('/').append(s.epochs())
                .append(" split ").append(s.splitsDone()).append('/').append(s.splitsTotal());
        if (s.phase().equals("training")) line.append(" ETA ").append(duration(etaSeconds));
        line.append(' ').append(compact(s.records())).append(" rec");
        if (s.phase().equals("training")) line.append(' ').append(compact(s.recordsPerSecond())).append(" rec/s");
        lastEpochLoss(s).ifPresent(loss -> line.append(' ').append(loss));
        return line.toString();
    }

    /** The last completed epoch's losses, e.g. {@code loss 0.3121/0.3304} (training/validation), when reported. */
    private static Optional<String> lastEpochLoss(JobStatusDto s) {
        if (s.epochsCompleted() == null || s.epochsCompleted().isEmpty()) return Optional.empty();
        Map<String, Double> m = s.epochsCompleted().get(s.epochsCompleted().size() - 1).metrics();
        Double train = m.get("train_loss");
        if (train == null) return Optional.empty();
        Double validation = m.get("validation_loss");
        return Optional.of(String.format(Locale.ROOT, validation == null ? "loss %.4g" : "loss %.4g/%.4g", train,
                validation));
    }

    static String compact(double n) {
        if (Double.isNaN(n) || n < 0) return "-";
        if (n < 1_000) return String.format(Locale.ROOT, "%.0f", n);
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        return String.format(Locale.ROOT, "%.2fG", n / 1e9);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) return "--:--";
        long s = Math.round(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
