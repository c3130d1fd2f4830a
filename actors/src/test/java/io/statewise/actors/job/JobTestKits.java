package io.statewise.actors.job;

import io.statewise.actors.testing.PersistenceTestKits;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/** The actor testkit of job entity tests: the persistence testkit's journal, CBOR for the project's messages. */
final class JobTestKits {

    private JobTestKits() {}

    /** A new testkit; shut it down after the tests. */
    static ActorTestKit create() {
        return ActorTestKit.create(PersistenceTestKits.config());
    }
}
