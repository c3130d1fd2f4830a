/**
 * The {@code statewise} command line (picocli): {@code node} runs a cluster node with the HTTP API, {@code train}
 * trains on an embedded single-node cluster, and {@code submit}, {@code jobs}, {@code status}, {@code model} and
 * {@code predict} talk to a running node over HTTP. Commands are thin: they parse arguments, call the runtime or the
 * API, and print one JSON document on stdout; progress and errors go to stderr, logs to a file.
 */
package io.statewise.ops.cli;
