package io.statewise.algorithms.data;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Wall-clock timestamps as seconds since {@code 1970-01-01 00:00:00} of the proleptic Gregorian calendar, without a
 * time zone (SageMaker DeepAR's {@code start} has none): parsing from bytes without allocation, and the calendar
 * fields date features need (Hinnant's days-from-civil algorithms, so no {@link LocalDateTime} per time step).
 */
public final class Timestamps {

    /** Returned by {@link #parse} for text that is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long DAY = 86_400;

    private Timestamps() {}

    /** The seconds of {@code t}. */
    public static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    /** The date-time of {@code seconds}. */
    public static LocalDateTime dateTime(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    }

    /**
     * Parses {@code YYYY-MM-DD HH:MM:SS} (SageMaker's form), also with {@code T} for the blank, without seconds, or a
     * date alone (midnight), from {@code b[from, to)}.
     *
     * @return the seconds, or {@link #INVALID}
     */
    public static long parse(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 10 && n != 16 && n != 19) return INVALID;
        if (b[from + 4] != '-' || b[from + 7] != '-') return INVALID;
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (n > 10) {
            if ((b[from + 10] != ' ' && b[from + 10] != 'T') || b[from + 13] != ':') return INVALID;
            hour = digits(b, from + 11, 2);
            minute = digits(b, from + 14, 2);
            if (n == 19) {
                if (b[from + 16] != ':') return INVALID;
                second = digits(b, from + 17, 2);
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        return daysFromCivil(year, month, day) * DAY + hour * 3600L + minute * 60L + second;
    }

    /** As {@link #parse(byte[], int, int)} for a string. */
    public static long parse(String text) {
        byte[] b = text.trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return parse(b, 0, b.length);
    }

    private static int digits(byte[] b, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = 10 * v + d;
        }
        return v;
    }

    /** Days in {@code month} (1-12) of {@code year}. */
    public static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean leap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Days since 1970-01-01 of a civil date (Hinnant, "chrono-compatible low-level date algorithms"). */
    public static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The civil date of {@code days} since 1970-01-01, packed as {@code year * 10000 + month * 100 + day}. */
    public static long civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }

    /** Whole days since 1970-01-01 of {@code seconds}. */
    public static long day(long seconds) {
        return Math.floorDiv(seconds, DAY);
    }
}
