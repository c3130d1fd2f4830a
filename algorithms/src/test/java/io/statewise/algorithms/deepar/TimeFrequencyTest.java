package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.InvalidHyperParameterException;
import io.statewise.algorithms.data.Timestamps;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimeFrequencyTest {

    @Test
    void parsesUnitsAndMultiples() {
        assertEquals(new TimeFrequency(TimeFrequency.Unit.MINUTE, 5), TimeFrequency.parse("5min"));
        assertEquals(new TimeFrequency(TimeFrequency.Unit.HOUR, 2), TimeFrequency.parse("2H"));
        assertEquals(new TimeFrequency(TimeFrequency.Unit.MONTH, 1), TimeFrequency.parse("M"));
        assertEquals("15min", TimeFrequency.parse("15T").toString());
        for (String bad : new String[] {"", "X", "0D", "2 weeks", "m"}) {
            assertThrows(IllegalArgumentException.class, () -> TimeFrequency.parse(bad), bad);
        }
        InvalidHyperParameterException e = assertThrows(InvalidHyperParameterException.class,
                () -> DeepArTesting.deepar(DeepArTesting.small("time_freq", "fortnight")));
        assertTrue(e.getMessage().contains("time_freq") && e.getMessage().contains("fortnight"), e.getMessage());
    }

    @Test
    void monthlyLagsFollowTheYear() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 23, 24, 25, 35, 36, 37},
                TimeFrequency.parse("M").lags());
        assertEquals(12, TimeFrequency.parse("M").seasonality());
        assertEquals(24, TimeFrequency.parse("H").seasonality());
        assertEquals(12, TimeFrequency.parse("2H").seasonality());
        assertEquals(1, TimeFrequency.parse("5H").seasonality());
        assertEquals(7, TimeFrequency.parse("D").seasonality());
    }

    @Test
    void timestampsStepThroughTheCalendar() {
        long jan31 = Timestamps.seconds(LocalDateTime.of(2020, 1, 31, 6, 0));
        TimeFrequency month = TimeFrequency.parse("M");
        assertEquals(LocalDateTime.of(2020, 2, 29, 6, 0), Timestamps.dateTime(month.timestamp(jan31, 1)));
        assertEquals(LocalDateTime.of(2019, 12, 31, 6, 0), Timestamps.dateTime(month.timestamp(jan31, -1)));
        assertEquals(LocalDateTime.of(2021, 4, 30, 6, 0), Timestamps.dateTime(TimeFrequency.parse("Q")
                .timestamp(jan31, 5)));
        assertEquals(LocalDateTime.of(2020, 2, 2, 8, 30), Timestamps.dateTime(TimeFrequency.parse("30min")
                .timestamp(jan31, 101)));
        for (long day = -800; day < 800; day += 37) {
            long date = Timestamps.civilFromDays(day);
            assertEquals(day, Timestamps.daysFromCivil(date / 10_000, (int) (date / 100 % 100), (int) (date % 100)));
        }
    }

    @Test
    void dateFeaturesAreCalendarPositionsInHalfUnitRange() {
        float[] out = new float[5];
        TimeFrequency.parse("D").writeDateFeatures(Timestamps.parse("2024-01-01 00:00:00"), out, 0); // a Monday
        assertArrayEquals(new float[] {-0.5f, -0.5f, -0.5f, 0, 0}, out, 1e-6f);
        TimeFrequency.parse("M").writeDateFeatures(Timestamps.parse("2024-12-01"), out, 0);
        assertEquals(0.5f, out[0], 1e-6f);
        assertEquals(Timestamps.INVALID, Timestamps.parse("2024-02-30 00:00:00"));
        assertEquals(Timestamps.INVALID, Timestamps.parse("01/02/2024"));
    }
}
