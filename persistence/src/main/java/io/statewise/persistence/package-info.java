/**
 * Persistence support: the {@link io.statewise.persistence.CborSerializable} marker bound to Jackson CBOR, and the
 * journal database settings (H2 embedded or served over TCP, PostgreSQL) and their idempotent schemas.
 */
package io.statewise.persistence;
