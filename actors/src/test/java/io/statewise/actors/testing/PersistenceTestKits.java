package io.statewise.actors.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Configuration of actor test kits that run event-sourced entities on the in-memory persistence testkit. */
public final class PersistenceTestKits {

    private PersistenceTestKits() {}

    /**
     * The persistence testkit (which checks that commands, events and states serialize) with the project's CBOR
     * binding, over the module's configuration.
     */
    public static Config config() {
        return EventSourcedBehaviorTestKit.config()
                .withFallback(ConfigFactory.parseString(
                        "pekko.actor.serialization-bindings { \"io.statewise.persistence.CborSerializable\""
                                + " = jackson-cbor }"))
                .withFallback(ConfigFactory.load());
    }
}
