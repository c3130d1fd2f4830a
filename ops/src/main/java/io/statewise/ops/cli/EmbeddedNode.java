package io.statewise.ops.cli;

import io.statewise.actors.node.DataDirectories;
import io.statewise.actors.node.NodeConfig;
import io.statewise.actors.node.NodeSettings;
import io.statewise.actors.node.StatewiseNode;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single-node cluster of {@code statewise train}. Closing it (explicitly, or from a JVM shutdown hook on Ctrl-C)
 * shuts the node down once and deletes a temporary data directory, unless {@link #keepDataDirectory()} was called so
 * that the log of a failed run survives.
 */
final class EmbeddedNode implements AutoCloseable {
    private final StatewiseNode node;
    private final Path dataDirectory;
    private final boolean temporary;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean keep;

    private EmbeddedNode(StatewiseNode node, Path dataDirectory, boolean temporary) {
        this.node = node;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.shutdownHook = new Thread(this::shutDown, "statewise-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a standalone node on {@code dataDirectory} with its journal in an embedded H2 file there (whatever the
     * journal environment variables say); blocks until it is ready for jobs.
     */
    static EmbeddedNode start(Path dataDirectory, boolean temporary) {
        return new EmbeddedNode(StatewiseNode.start(NodeSettings.standalone(dataDirectory),
                NodeConfig.embeddedJournal()), dataDirectory, temporary);
    }

    StatewiseNode node() {
        return node;
    }

    /** Keeps a temporary data directory (and its log) after close. */
    void keepDataDirectory() {
        keep = true;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs shutDown itself
        }
        shutDown();
    }

    private void shutDown() {
        if (!closed.compareAndSet(false, true)) return;
        node.close();
        if (temporary && !keep) DataDirectories.delete(dataDirectory);
    }
}
