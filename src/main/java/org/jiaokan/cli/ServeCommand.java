package org.jiaokan.cli;

import org.jiaokan.serve.SiteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jiaokan serve}: a built site over HTTP for preview. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a built site (default target/site) over HTTP for preview, on 127.0.0.1 unless --host says "
                + "otherwise. Static files only: no directory listings, nothing outside the folder. Prints the URL and "
                + "runs until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "" + SiteServer.DEFAULT_PORT,
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = SiteServer.DEFAULT_HOST,
            description = "Interface to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "target/site", description = "The site folder (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            Output.error("--port " + port + ": not a port number");
            return 2;
        }
        if (!Files.isDirectory(dir)) {
            Output.error(dir + ": no such folder (build the site first: jiaokan publish)");
            return 1;
        }
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            System.err.println("jiaokan: notice: " + dir + " has no index.html");
        }
        SiteServer server;
        try {
            server = new SiteServer(dir, host, port, List.of()).start();
        } catch (java.io.IOException e) {
            Output.error(host + ":" + port + ": cannot listen: " + e.getMessage());
            return 1;
        }
        System.out.println("Serving " + server.root() + " at " + server.url() + " (Ctrl-C to stop)");
        System.out.flush();
        server.join();
        return 0;
    }
}
