package io.statewise.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.search.SuccessiveHalving.Rung;
import io.statewise.algorithms.search.SuccessiveHalving.Score;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {

    @Test
    void twentySevenConfigurationsWithEtaThreeRunThreeRungs() {
        SuccessiveHalving sh = new SuccessiveHalving(27, 3, 1, 9);
        assertEquals(List.of(new Rung(0, 27, 1), new Rung(1, 9, 3), new Rung(2, 3, 9)), sh.rungs());
        assertTrue(sh.isLast(2));
    }

    @Test
    void rungsStopAtMaxEpochsOrAtOneConfiguration() {
        assertEquals(List.of(new Rung(0, 10, 2), new Rung(1, 5, 4), new Rung(2, 2, 5)),
                new SuccessiveHalving(10, 2, 2, 5).rungs(), "the last rung is capped at max_epochs");
        assertEquals(List.of(new Rung(0, 4, 1), new Rung(1, 1, 3)), new SuccessiveHalving(4, 3, 1, 81).rungs(),
                "a rung of one configuration is the last");
        assertEquals(List.of(new Rung(0, 5, 7)), SuccessiveHalving.random(5, 7).rungs());
    }

    @Test
    void theBestThirdIsPromotedAndFailuresComeLast() {
        SuccessiveHalving sh = new SuccessiveHalving(9, 3, 1, 9);
        List<Score> scores = new ArrayList<>();
        double[] metric = {5, 1, Double.NaN, 3, 0.5, 9, 3, 7, 8};
        for (int i = 0; i < metric.length; i++) scores.add(new Score(i, metric[i]));
        assertEquals(List.of(4, 1, 3), sh.promoted(0, scores, Objective.Goal.MINIMIZE), "ties go to the lower index");
        assertEquals(List.of(5, 8, 7), sh.promoted(0, scores, Objective.Goal.MAXIMIZE));
        List<Score> failed = List.of(new Score(0, Double.NaN), new Score(1, Double.NaN), new Score(2, 4));
        assertEquals(List.of(2, 0), SuccessiveHalving.best(failed, Objective.Goal.MAXIMIZE, 2));
        assertThrows(IllegalArgumentException.class, () -> sh.promoted(2, scores, Objective.Goal.MINIMIZE));
    }

    @Test
    void badSettingsNameTheirField() {
        assertEquals("eta", assertThrows(SearchException.class, () -> new SuccessiveHalving(9, 1, 1, 9)).field()
                .orElseThrow());
        assertEquals("max_epochs", assertThrows(SearchException.class, () -> new SuccessiveHalving(9, 3, 4, 2))
                .field().orElseThrow());
        assertEquals("configurations", assertThrows(SearchException.class, () -> new SuccessiveHalving(0, 3, 1, 2))
                .field().orElseThrow());
    }
}
