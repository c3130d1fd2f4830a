package io.statewise.test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The node JVMs a test starts ({@code @RegisterExtension final Nodes nodes = new Nodes();}); after each test every one
 * still running is killed, the last started first.
 */
final class Nodes implements AfterEachCallback {
    private final List<NodeProcess> started = new ArrayList<>();

    /** Starts a node (see {@link NodeProcess#start}) and keeps it for clean-up. */
    NodeProcess start(Path dataDir, Map<String, String> env, String... args) throws IOException {
        NodeProcess node = NodeProcess.start(dataDir, env, args);
        started.add(node);
        return node;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) started.get(i).kill();
        started.clear();
    }
}
