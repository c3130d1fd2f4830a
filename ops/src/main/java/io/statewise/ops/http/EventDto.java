package io.statewise.ops.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.statewise.actors.job.EventSummary;
import java.time.Instant;

/**
 * One event of {@code GET /v1/jobs/{id}/events}: its sequence number, type and time, and the counts that apply to
 * its type (absent otherwise). Never a payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventDto(long sequenceNr, String type, Instant at, Integer epoch, Integer split, Integer segment,
                       Long records, Long badRecords, Integer version, String reason, Integer splits) {

    /** The DTO of a runtime summary. */
    public static EventDto from(EventSummary e) {
        return new EventDto(e.sequenceNr(), e.type(), e.at(), e.epoch().orElse(null), e.split().orElse(null),
                e.segment().orElse(null), e.records().orElse(null), e.badRecords().orElse(null),
                e.version().orElse(null), e.reason().orElse(null), e.splits().orElse(null));
    }
}
