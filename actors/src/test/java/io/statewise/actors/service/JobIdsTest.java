package io.statewise.actors.service;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void idIsTheNameCleanedThenTwelveHexDigits() {
        String id = JobIds.newId("K-Means_2");
        assertTrue(id.matches("k-means2-[0-9a-f]{12}"), id);
    }

    @Test
    void nameWithNothingUsableBecomesJob() {
        String id = JobIds.newId("ÄÖ?");
        assertTrue(id.matches("job-[0-9a-f]{12}"), id);
    }

    @Test
    void idsDiffer() {
        assertNotEquals(JobIds.newId("tuning"), JobIds.newId("tuning"));
    }
}
