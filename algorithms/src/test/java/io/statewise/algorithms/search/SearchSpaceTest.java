package io.statewise.algorithms.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statewise.algorithms.Algorithms;
import io.statewise.algorithms.HyperParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static final HyperParameterSpec LINEAR = Algorithms.provider("linear-learner").spec();
    private static final Set<String> RESERVED = Set.of("epochs");

    private static SearchSpace space() {
        return SearchSpace.of(LINEAR, Map.of(
                "learning_rate", new ParamRange.Interval(1e-4, 1.0, ParamRange.Scale.LOG, ParamRange.NumberType.FLOAT),
                "mini_batch_size", new ParamRange.Interval(10, 20, ParamRange.Scale.LINEAR, ParamRange.NumberType.INT),
                "optimizer", new ParamRange.Values(List.of("sgd", "adam"))), RESERVED);
    }

    @Test
    void samplesAreSeededAndWithinTheirRanges() {
        List<Map<String, String>> a = space().sample(200, 7);
        assertEquals(a, space().sample(200, 7), "the same seed draws the same configurations");
        assertNotEquals(a, space().sample(200, 8));
        Set<String> batchSizes = new HashSet<>();
        int belowOnePercent = 0;
        for (Map<String, String> config : a) {
            double lr = Double.parseDouble(config.get("learning_rate"));
            assertTrue(lr >= 1e-4 && lr <= 1.0, "learning_rate " + lr);
            if (lr < 1e-2) belowOnePercent++;
            int batch = Integer.parseInt(config.get("mini_batch_size"));
            assertTrue(batch >= 10 && batch <= 20, "mini_batch_size " + batch);
            batchSizes.add(config.get("mini_batch_size"));
            assertTrue(Set.of("sgd", "adam").contains(config.get("optimizer")));
        }
        assertEquals(11, batchSizes.size(), "both ends of an int range are drawn");
        // Log scale: half the decades lie below 1e-2, so about half the draws do (uniform would give 1%).
        assertTrue(belowOnePercent > 70 && belowOnePercent < 130, "log-uniform draws: " + belowOnePercent);
    }

    @Test
    void listsOfValuesAreDrawnAsAShuffledGridWithoutRepeats() {
        SearchSpace space = SearchSpace.of(LINEAR, Map.of(
                "optimizer", new ParamRange.Values(List.of("sgd", "adam")),
                "wd", new ParamRange.Values(List.of("0", "0.01", "0.1"))), RESERVED);
        List<Map<String, String>> six = space.sample(6, 9);
        assertEquals(6, Set.copyOf(six).size(), "every combination once: " + six);
        assertEquals(six, space.sample(6, 9));
        List<Map<String, String>> eight = space.sample(8, 9);
        assertEquals(six, eight.subList(0, 6));
        assertEquals(six.subList(0, 2), eight.subList(6, 8), "then the grid again");
    }

    private static String rejected(String name, ParamRange range) {
        SearchException e = assertThrows(SearchException.class, () -> SearchSpace.of(LINEAR, Map.of(name, range),
                RESERVED));
        assertEquals("search_space." + name, e.field().orElseThrow());
        return e.getMessage();
    }

    @Test
    void badRangesAreRefusedSayingWhy() {
        assertTrue(rejected("learning_rte", new ParamRange.Values(List.of("0.1"))).contains("no hyperparameter"));
        assertTrue(rejected("wd", new ParamRange.Values(List.of())).contains("empty"));
        assertTrue(rejected("wd", new ParamRange.Interval(0.5, 0.1, ParamRange.Scale.LINEAR,
                ParamRange.NumberType.FLOAT)).contains("empty"));
        assertTrue(rejected("mini_batch_size", new ParamRange.Interval(1, 5, ParamRange.Scale.LINEAR,
                ParamRange.NumberType.FLOAT)).contains("use type int"));
        assertTrue(rejected("wd", new ParamRange.Interval(0, 1, ParamRange.Scale.LINEAR, ParamRange.NumberType.INT))
                .contains("use type float"));
        assertTrue(rejected("optimizer", new ParamRange.Interval(0, 1, ParamRange.Scale.LINEAR,
                ParamRange.NumberType.FLOAT)).contains("'values'"));
        assertTrue(rejected("wd", new ParamRange.Interval(0, 1, ParamRange.Scale.LOG, ParamRange.NumberType.FLOAT))
                .contains("min > 0"));
        assertTrue(rejected("optimizer", new ParamRange.Values(List.of("sgd", "nesterov"))).contains("nesterov"));
        assertTrue(rejected("mini_batch_size", new ParamRange.Values(List.of("ten"))).contains("integer"));
        assertTrue(rejected("epochs", new ParamRange.Values(List.of("3"))).contains("set by the search"));
        assertThrows(SearchException.class, () -> SearchSpace.of(LINEAR, Map.of(), RESERVED));
    }

    @Test
    void anIntervalWithoutATypeTakesItsHyperparameters() {
        SearchSpace space = SearchSpace.of(LINEAR, Map.of(
                "mini_batch_size", new ParamRange.Interval(10, 20, ParamRange.Scale.LINEAR,
                        ParamRange.NumberType.AS_PARAMETER),
                "wd", new ParamRange.Interval(0, 1, ParamRange.Scale.LINEAR, ParamRange.NumberType.AS_PARAMETER)),
                RESERVED);
        Map<String, String> drawn = space.sample(1, 3).get(0);
        assertTrue(drawn.get("mini_batch_size").matches("\\d+"), drawn.toString());
        assertTrue(drawn.get("wd").contains("."), drawn.toString());
    }
}
