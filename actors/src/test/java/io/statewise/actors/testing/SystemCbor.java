package io.statewise.actors.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The actor system's own Jackson CBOR mapper (the one events and messages go through), for compatibility tests:
 * {@code @RegisterExtension static final SystemCbor CBOR = new SystemCbor();} stops its actor system after the class.
 */
public final class SystemCbor implements AfterAllCallback {

    private final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.load());
    private final ObjectMapper mapper = JacksonObjectMapperProvider.get(testKit.system())
            .getOrCreate("jackson-cbor", Optional.empty());

    /** The mapper; valid until the test class is done. */
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        testKit.shutdownTestKit();
    }
}
