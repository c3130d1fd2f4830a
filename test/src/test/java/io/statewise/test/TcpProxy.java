package io.statewise.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 in front of a node's cluster port, which a test can cut: a node that advertises the
 * proxy's port as its canonical port (and binds another) receives every connection of the other nodes through it, so
 * cutting the proxy isolates the node in both directions as far as the failure detector can tell (heartbeats to it,
 * and its heartbeat responses, travel on connections into it). No privileges or network namespaces needed.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private TcpProxy(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free port of 127.0.0.1 and forwards to {@code targetPort}. */
    static TcpProxy start(int targetPort) throws IOException {
        TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        daemon(proxy::acceptLoop, "proxy-accept");
        return proxy;
    }

    /** The port the proxy listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection and refuses new ones from now on: the network partition. */
    void cut() {
        cut = true;
        for (Socket s : open) closeQuietly(s);
    }

    @Override
    public void close() {
        cut();
        closeQuietly(server);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                if (cut) {
                    in.close();
                    continue;
                }
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(in);
                open.add(out);
                daemon(() -> pump(in, out), "proxy-in");
                daemon(() -> pump(out, in), "proxy-out");
            } catch (IOException e) {
                // the server closed, or the target refused: the peer retries
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; !cut && (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
        } catch (IOException e) {
            // closed by cut() or by an end
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
