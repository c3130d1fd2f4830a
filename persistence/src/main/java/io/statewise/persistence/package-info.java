/**
 * Persistence support: the {@link io.statewise.persistence.CborSerializable} marker bound to Jackson CBOR, and the
 * journal database settings and idempotent schema for the embedded H2 default.
 */
package io.statewise.persistence;
