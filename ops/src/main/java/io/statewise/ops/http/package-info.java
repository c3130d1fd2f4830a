/**
 * The HTTP API of a Statewise node (pekko-http Java DSL): {@link io.statewise.ops.http.JobRoutes} for
 * {@code /v1/jobs}, {@link io.statewise.ops.http.HealthRoutes} for {@code /health}, JSON DTO records kept apart from
 * the actor protocol, {@link io.statewise.ops.http.ApiErrors} so that every error is a JSON document, and
 * {@link io.statewise.ops.http.HttpServer} for binding and graceful unbinding.
 */
package io.statewise.ops.http;
