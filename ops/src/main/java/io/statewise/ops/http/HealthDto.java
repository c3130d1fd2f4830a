package io.statewise.ops.http;

/**
 * The body of {@code GET /health}.
 *
 * @param status {@code ok} while the node serves requests
 */
public record HealthDto(String status) {}
