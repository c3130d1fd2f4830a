package io.statewise.persistence;

/**
 * Marker for every message, event and snapshot that crosses a node or goes into the journal. The runtime binds it to
 * Jackson CBOR ({@code pekko.actor.serialization-bindings}); Java serialization stays off. Large numeric payloads
 * (states, models) travel inside these as compact {@code byte[]} from the algorithms' own versioned codecs.
 */
public interface CborSerializable {}
