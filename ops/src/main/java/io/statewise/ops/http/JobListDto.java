package io.statewise.ops.http;

import java.util.List;

/**
 * The body of {@code GET /v1/jobs}.
 *
 * @param jobs every job the cluster knows, newest first
 */
public record JobListDto(List<JobStatusDto> jobs) {}
