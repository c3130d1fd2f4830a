package io.statewise.ops.cli;

import picocli.CommandLine.Option;

/** The options shared by the commands that talk to a running node. */
final class ClientOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "HTTP API of the node (default: ${DEFAULT-VALUE}).")
    String url;

    ApiClient client() {
        return new ApiClient(url);
    }
}
