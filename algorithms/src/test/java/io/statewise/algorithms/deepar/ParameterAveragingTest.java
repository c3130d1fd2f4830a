package io.statewise.algorithms.deepar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statewise.algorithms.data.Batch;
import io.statewise.algorithms.data.DataSchema;
import io.statewise.algorithms.data.synthetic.SeasonalSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job's step: a partial's change is added whole and its moments taken, or, when other steps were applied since its
 * base, the change is divided by 1 + staleness and the moments are averaged with the job's.
 */
class ParameterAveragingTest {

    @Test
    void staleChangesAreDamped() {
        DeepAr deepar = DeepArTesting.deepar(DeepArTesting.small());
        List<Batch> batches = DeepArTesting.batches(new SeasonalSeries(8, 40, 12, 0.3, 0, 0.05, false, 3)
                .generate(), 4);
        DeepArState g0 = deepar.init(DataSchema.SERIES);
        DeepArState a = deepar.startPartial(g0, 1);
        DeepArState b = deepar.startPartial(g0, 2);
        deepar.update(a, batches.get(0));
        deepar.update(b, batches.get(1));
        assertEquals(0, ParameterAveraging.staleness(g0, b), "nothing applied since its base");
        DeepArState g1 = deepar.completeEpoch(g0, a);
        assertEquals(1, ParameterAveraging.staleness(g1, b), "one partial of as many steps applied since its base");
        DeepArState g2 = deepar.completeEpoch(g1, b);
        int i = 5;
        assertEquals(g1.params[i] + 0.5 * ((double) b.params[i] - b.base[i]), g2.params[i], 1e-6,
                "half of a change stale by one");
        assertEquals(g0.params[i] + ((double) a.params[i] - a.base[i]), g1.params[i], 1e-6, "a fresh change whole");
        assertEquals(a.steps() + b.steps(), g2.steps());
        assertEquals(a.moments[0][i], g1.moments[0][i], 0, "a fresh partial's moments are taken");
        assertEquals(0.5 * ((double) g1.moments[1][i] + b.moments[1][i]), g2.moments[1][i], 1e-9,
                "a partial stale by one: the average of the job's and its moments");
    }
}
