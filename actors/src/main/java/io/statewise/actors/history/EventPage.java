package io.statewise.actors.history;

import io.statewise.actors.job.EventSummary;
import java.util.List;
import java.util.Optional;

/**
 * One page of a job's event history, in journal order.
 *
 * @param events   the page's events
 * @param nextFrom the sequence number the next page starts at; empty after the last event
 */
public record EventPage(List<EventSummary> events, Optional<Long> nextFrom) {
    public EventPage {
        events = List.copyOf(events);
    }
}
