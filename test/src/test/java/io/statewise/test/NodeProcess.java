package io.statewise.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code statewise node} in its own JVM, on 127.0.0.1 with a free HTTP and cluster port, started with the test
 * classpath and driven over HTTP. The child does not inherit the journal's environment variables
 * ({@code STATEWISE_JOURNAL_PROFILE}, {@code STATEWISE_JDBC_*}) from the test JVM: a test passes them explicitly.
 */
final class NodeProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> JOURNAL_ENV = List.of("STATEWISE_JOURNAL_PROFILE", "STATEWISE_JDBC_URL",
            "STATEWISE_JDBC_USER", "STATEWISE_JDBC_PASSWORD");

    private final Process process;
    private final Http http;
    private final int clusterPort;
    private final String upLine;

    private NodeProcess(Process process, Http http, int clusterPort, String upLine) {
        this.process = process;
        this.http = http;
        this.clusterPort = clusterPort;
        this.upLine = upLine;
    }

    /**
     * Starts a node on {@code dataDir} and waits for its "Statewise node up" line.
     *
     * @param env  environment variables for the child (on top of the test JVM's, less the journal's)
     * @param args further {@code statewise node} arguments
     * @throws AssertionError with the node's output if it does not come up
     */
    static NodeProcess start(Path dataDir, Map<String, String> env, String... args) throws IOException {
        Launch launch = launch(dataDir, env, args);
        BufferedReader out = launch.output();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Statewise node up")) break;
            if (System.nanoTime() > deadline) break;
        }
        if (line == null || !line.startsWith("Statewise node up")) {
            launch.process().destroyForcibly();
            throw new AssertionError("node did not start:\n" + seen + log(dataDir));
        }
        Thread drain = new Thread(() -> drain(out), "drain-node-output");
        drain.setDaemon(true);
        drain.start();
        // The node binds free ports itself (port 0, no race with other processes) and says which in its up line.
        Matcher ports = UP_LINE.matcher(line);
        if (!ports.find()) throw new AssertionError("no ports in the node's up line: " + line);
        Http http = ports.group(2) == null ? null : new Http("http://127.0.0.1:" + ports.group(2));
        return new NodeProcess(launch.process(), http, Integer.parseInt(ports.group(1)), line);
    }

    /** Runs a node that is expected to fail at start; returns its exit code and everything it printed. */
    static Failure startExpectingFailure(Path dataDir, Map<String, String> env, String... args) throws Exception {
        Launch launch = launch(dataDir, env, args);
        String output = new String(launch.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!launch.process().waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            launch.process().destroyForcibly();
            throw new AssertionError("node neither started nor failed:\n" + output);
        }
        return new Failure(launch.process().exitValue(), output);
    }

    /** A node that failed to start. */
    record Failure(int exitCode, String output) {}

    private record Launch(Process process, BufferedReader output) {}

    /** "Statewise node up: cluster HOST:PORT, HTTP http://HOST:PORT, ..." or "..., no HTTP, ..." (not an api node). */
    private static final Pattern UP_LINE = Pattern.compile(
            "cluster [^,]*:(\\d+), (?:HTTP http://[^:]+:(\\d+)|no HTTP)");
    private static final Pattern SERVED_JOURNAL = Pattern.compile("journal served at (\\S+)");

    private static Launch launch(Path dataDir, Map<String, String> env, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-cp", classpath,
                "io.statewise.ops.cli.StatewiseCli", "node", "--data-dir", dataDir.toString(),
                "--http-port", "0", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        JOURNAL_ENV.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return new Launch(process, out);
    }

    Process process() {
        return process;
    }

    /** The node's HTTP API; fails for a node without the api role. */
    Http http() {
        if (http == null) throw new AssertionError("not an api node: " + upLine);
        return http;
    }

    /** The node's cluster address, as job statuses ({@code splits_by_node}) and {@code /v1/cluster} name it. */
    String address() {
        return "pekko://statewise@127.0.0.1:" + clusterPort;
    }

    /** The JDBC URL of the H2 journal this node serves ({@code --serve-journal}). */
    String servedJournalUrl() {
        Matcher m = SERVED_JOURNAL.matcher(upLine);
        if (!m.find()) throw new AssertionError("the node serves no journal: " + upLine);
        return m.group(1);
    }

    /** The node's cluster port (for {@code --seed 127.0.0.1:PORT}). */
    int clusterPort() {
        return clusterPort;
    }

    /** The node's "Statewise node up: ..." line. */
    String upLine() {
        return upLine;
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (the node leaves its cluster and stops), and wait until the process is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
    }

    private static String log(Path dataDir) {
        Path log = dataDir.resolve("logs").resolve("statewise.log");
        try {
            return Files.exists(log) ? "--- " + log + ":\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard: the node logs to its data directory
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
