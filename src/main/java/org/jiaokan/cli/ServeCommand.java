package org.jiaokan.cli;

import org.jiaokan.serve.SiteServer;
import org.jiaokan.serve.oai.OaiEndpoint;
import org.jiaokan.serve.oai.OaiHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** {@code jiaokan serve}: a built site over HTTP for preview. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a built site (default target/site) over HTTP for preview, on 127.0.0.1 unless --host says "
                + "otherwise. Static files only: no directory listings, nothing outside the folder; an OAI-PMH 2.0 "
                + "repository of the published records at /oai. Prints the URL and runs until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "" + SiteServer.DEFAULT_PORT,
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = SiteServer.DEFAULT_HOST,
            description = "Interface to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--oai-page-size", paramLabel = "N", defaultValue = "" + OaiEndpoint.DEFAULT_PAGE_SIZE,
            description = "Records or identifiers per OAI-PMH response before a resumption token (default ${DEFAULT-VALUE}).")
    int oaiPageSize;

    @Option(names = "--edition", paramLabel = "FILE",
            description = "The edition's edition.xml: the OAI-PMH repository's name, host and administrator's address "
                    + "(default: from the published output).")
    Path edition;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "target/site", description = "The site folder (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            Output.error("--port " + port + ": not a port number");
            return 2;
        }
        if (oaiPageSize < 1) {
            Output.error("--oai-page-size " + oaiPageSize + ": must be at least 1");
            return 2;
        }
        if (edition != null && !Files.isRegularFile(edition)) {
            Output.error(edition + ": no such file");
            return 1;
        }
        if (!Files.isDirectory(dir)) {
            Output.error(dir + ": no such folder (build the site first: jiaokan publish)");
            return 1;
        }
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            Output.notice(dir + " has no index.html");
        }
        SiteServer server;
        AtomicReference<String> oaiUrl = new AtomicReference<>("http://" + host + "/oai");
        OaiEndpoint oai;
        try {
            oai = new OaiEndpoint(dir, edition, oaiPageSize, oaiUrl::get);
        } catch (java.io.IOException e) {
            Output.error(e.getMessage());
            return 1;
        }
        for (String problem : oai.catalog().problems()) System.err.println("jiaokan: warning: " + Output.oneLine(problem + " (not offered over OAI-PMH)"));
        try {
            server = new SiteServer(dir, host, port, List.of(new OaiHandler(oai))).start();
            oaiUrl.set(server.url() + "oai");
        } catch (java.io.IOException e) {
            Output.error(host + ":" + port + ": cannot listen: " + e.getMessage());
            return 1;
        }
        System.out.println("Serving " + server.root() + " at " + server.url() + " (OAI-PMH at " + oaiUrl.get() + "; Ctrl-C to stop)");
        System.out.flush();
        server.join();
        return 0;
    }
}
