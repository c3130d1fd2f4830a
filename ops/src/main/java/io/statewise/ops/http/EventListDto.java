package io.statewise.ops.http;

import io.statewise.actors.history.EventPage;
import java.util.List;

/**
 * The body of {@code GET /v1/jobs/{id}/events}: one page of events in journal order, and where the next page starts
 * ({@code null} after the last event).
 */
public record EventListDto(String jobId, List<EventDto> events, Long nextFrom) {

    /** The DTO of a page of {@code jobId}'s history. */
    public static EventListDto from(String jobId, EventPage page) {
        return new EventListDto(jobId, page.events().stream().map(EventDto::from).toList(),
                page.nextFrom().orElse(null));
    }
}
