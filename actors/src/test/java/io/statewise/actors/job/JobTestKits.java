package io.statewise.actors.job;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** The actor testkit of job entity tests: the persistence testkit's journal, CBOR for the project's messages. */
final class JobTestKits {

    private JobTestKits() {}

    /** A new testkit; shut it down after the tests. */
    static ActorTestKit create() {
        return ActorTestKit.create(EventSourcedBehaviorTestKit.config()
                .withFallback(ConfigFactory.parseString(
                        "pekko.actor.serialization-bindings { \"io.statewise.persistence.CborSerializable\" = jackson-cbor }"))
                .withFallback(ConfigFactory.load()));
    }
}
