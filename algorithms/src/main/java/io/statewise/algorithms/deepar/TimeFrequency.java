package io.statewise.algorithms.deepar;

import io.statewise.algorithms.data.Timestamps;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series' sampling frequency, SageMaker's {@code time_freq}: a unit ({@code min}, {@code H}, {@code D}, {@code W},
 * {@code M}, {@code Q}, {@code Y}) with an optional multiple ({@code 5min}, {@code 2H}). It fixes what DeepAR derives
 * from time: the timestamp of every step, the calendar features of each step (as GluonTS's
 * {@code time_features_from_frequency_str}: each scaled to {@code [-0.5, 0.5]}), the lags fed to the network (as
 * GluonTS's {@code get_lags_for_frequency}: the last 7 steps and the neighbours of 1 to 3 seasonal periods) and the
 * seasonal period of MASE and of the seasonal-naive baseline.
 *
 * @param unit     the base unit
 * @param multiple steps of the unit per series step, at least 1
 */
public record TimeFrequency(Unit unit, int multiple) {

    /** Base units, with the seconds of one (0 for calendar months). */
    public enum Unit {
        MINUTE("min", 60), HOUR("H", 3600), DAY("D", 86_400), WEEK("W", 7 * 86_400), MONTH("M", 0),
        QUARTER("Q", 0), YEAR("Y", 0);

        final String symbol;
        final long seconds;

        Unit(String symbol, long seconds) {
            this.symbol = symbol;
            this.seconds = seconds;
        }

        /** Months per unit for the calendar units. */
        int months() {
            return this == MONTH ? 1 : this == QUARTER ? 3 : this == YEAR ? 12 : 0;
        }
    }

    /** The longest lag fed to the network: bounds the history a window reads. */
    public static final int MAX_LAG = 1000;

    private static final Pattern SYNTAX = Pattern.compile("(\\d*)\\s*(min|T|H|D|W|M|Q|Y|A)");

    public TimeFrequency {
        if (unit == null || multiple < 1) throw new IllegalArgumentException("bad frequency " + multiple + unit);
    }

    /**
     * Parses {@code time_freq}: an optional positive multiple, then {@code min} (or {@code T}), {@code H}, {@code D},
     * {@code W}, {@code M}, {@code Q} or {@code Y} (or {@code A}).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static TimeFrequency parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown frequency '" + text + "': expected an optional multiple and"
                    + " one of min, H, D, W, M, Q, Y (e.g. 5min, 2H, D, M)");
        }
        int multiple;
        try {
            multiple = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            multiple = 0;
        }
        if (multiple < 1) throw new IllegalArgumentException("frequency '" + text + "': the multiple must be >= 1");
        Unit unit = switch (m.group(2)) {
            case "min", "T" -> Unit.MINUTE;
            case "H" -> Unit.HOUR;
            case "D" -> Unit.DAY;
            case "W" -> Unit.WEEK;
            case "M" -> Unit.MONTH;
            case "Q" -> Unit.QUARTER;
            default -> Unit.YEAR;
        };
        return new TimeFrequency(unit, multiple);
    }

    /** The canonical text, e.g. {@code 5min} or {@code M}. */
    @Override
    public String toString() {
        return (multiple == 1 ? "" : Integer.toString(multiple)) + unit.symbol;
    }

    /** The timestamp (Timestamps seconds) of step {@code t} of a series starting at {@code start}. */
    public long timestamp(long start, long t) {
        if (unit.months() == 0) return start + t * multiple * unit.seconds;
        long date = Timestamps.civilFromDays(Timestamps.day(start));
        long months = (date / 10_000) * 12 + (date / 100 % 100 - 1) + t * multiple * unit.months();
        int month = (int) Math.floorMod(months, 12L) + 1;
        long year = Math.floorDiv(months, 12L);
        int day = (int) Math.min(date % 100, Timestamps.daysInMonth((int) year, month));
        return Timestamps.daysFromCivil(year, month, day) * 86_400 + Math.floorMod(start, 86_400L);
    }

    /** Calendar features per step. */
    public int dateFeatures() {
        return switch (unit) {
            case MINUTE -> 5;
            case HOUR -> 4;
            case DAY -> 3;
            case WEEK -> 2;
            case MONTH, QUARTER -> 1;
            case YEAR -> 0;
        };
    }

    /**
     * Writes the {@link #dateFeatures()} calendar features of {@code timestamp} to {@code out[offset..]}: minute of
     * hour, hour of day, day of week, day of month, day of year (as many as the unit resolves; weeks: day of month and
     * week of year; months: month of year; quarters: quarter of year).
     */
    public void writeDateFeatures(long timestamp, float[] out, int offset) {
        long day = Timestamps.day(timestamp);
        long date = Timestamps.civilFromDays(day);
        int month = (int) (date / 100 % 100);
        int dayOfMonth = (int) (date % 100);
        long year = date / 10_000;
        int dayOfYear = (int) (day - Timestamps.daysFromCivil(year, 1, 1));
        int dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; Monday = 0
        long secondOfDay = timestamp - day * 86_400;
        int o = offset;
        switch (unit) {
            case MINUTE -> {
                out[o++] = scaled(secondOfDay / 60 % 60, 59);
                out[o++] = scaled(secondOfDay / 3600, 23);
                out[o++] = scaled(dayOfWeek, 6);
                out[o++] = scaled(dayOfMonth - 1, 30);
                out[o] = scaled(dayOfYear, 365);
            }
            case HOUR -> {
                out[o++] = scaled(secondOfDay / 3600, 23);
                out[o++] = scaled(dayOfWeek, 6);
                out[o++] = scaled(dayOfMonth - 1, 30);
                out[o] = scaled(dayOfYear, 365);
            }
            case DAY -> {
                out[o++] = scaled(dayOfWeek, 6);
                out[o++] = scaled(dayOfMonth - 1, 30);
                out[o] = scaled(dayOfYear, 365);
            }
            case WEEK -> {
                out[o++] = scaled(dayOfMonth - 1, 30);
                out[o] = scaled(dayOfYear / 7, 52);
            }
            case MONTH -> out[o] = scaled(month - 1, 11);
            case QUARTER -> out[o] = scaled((month - 1) / 3, 3);
            case YEAR -> { }
        }
    }

    private static float scaled(long value, int max) {
        return (float) ((double) value / max - 0.5);
    }

    /** Seasonal periods of the unit, in units (an hour has days and weeks; a month has years). */
    private int[] periodsInUnits() {
        return switch (unit) {
            case MINUTE -> new int[] {60, 1440};
            case HOUR -> new int[] {24, 168};
            case DAY -> new int[] {7, 30};
            case WEEK -> new int[] {4, 52};
            case MONTH -> new int[] {12};
            case QUARTER -> new int[] {4};
            case YEAR -> new int[0];
        };
    }

    /**
     * The lags fed to the network, ascending: 1 to 7 and, for each seasonal period P of at least 2 steps,
     * {@code kP - 1, kP, kP + 1} for k = 1, 2, 3, at most {@link #MAX_LAG}.
     */
    public int[] lags() {
        TreeSet<Integer> lags = new TreeSet<>();
        for (int l = 1; l <= 7; l++) lags.add(l);
        for (int units : periodsInUnits()) {
            int period = units / multiple;
            if (period < 2) continue;
            for (int k = 1; k <= 3; k++) {
                for (int d = -1; d <= 1; d++) {
                    int lag = k * period + d;
                    if (lag >= 1 && lag <= MAX_LAG) lags.add(lag);
                }
            }
        }
        return lags.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The seasonal period in steps of MASE and the seasonal-naive baseline: a day of minutes or hours, a week of
     * days, a year of months or quarters; 1 (the naive forecast) for weeks and years, or when the multiple does not
     * divide the period.
     */
    public int seasonality() {
        int units = switch (unit) {
            case MINUTE -> 1440;
            case HOUR -> 24;
            case DAY -> 7;
            case MONTH -> 12;
            case QUARTER -> 4;
            case WEEK, YEAR -> 1;
        };
        return units % multiple == 0 ? units / multiple : 1;
    }

    /** Lower-case unit name for messages. */
    public String unitName() {
        return unit.name().toLowerCase(Locale.ROOT);
    }
}
