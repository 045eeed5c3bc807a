package org.jiaokan.serve;

import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.AllowedResourceAliasChecker;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a built site folder over HTTP for preview, with Jetty: static files only, no directory
 * listings, nothing outside the folder (requests with {@code ..} segments, encoded or not, are
 * refused by Jetty's URI checks; a symbolic link whose target leaves the folder is not followed),
 * on a bounded thread pool, on the loopback interface unless told otherwise.
 *
 * <p>Handlers that serve dynamic paths (an OAI-PMH endpoint at {@code /oai}) are given to the
 * constructor and tried before the files, in order.
 */
public final class SiteServer implements AutoCloseable {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    /** At most this many threads (Jetty's selector and acceptor threads included). */
    static final int MAX_THREADS = 16;

    private final Server server;
    private final ServerConnector connector;
    private final Path root;

    /**
     * @param root     the site folder
     * @param host     the interface to listen on ({@code 127.0.0.1} for preview)
     * @param port     the port, or 0 for any free port
     * @param handlers handlers tried before the static files (e.g. {@code /oai}); each declines a
     *                 request it does not serve by returning false
     */
    public SiteServer(Path root, String host, int port, List<Handler> handlers) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException(root + ": no such folder");
        this.root = root.toRealPath();
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("jiaokan-serve");
        pool.setDaemon(true);
        server = new Server(pool);
        server.setStopAtShutdown(true);
        // The server's own error pages (a request it refuses before any handler sees it: a bad URI, one too long)
        // carry the headers every response does.
        server.setErrorHandler(new org.eclipse.jetty.server.handler.ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Headers.common(response);
                return super.handle(request, response, callback);
            }
        });
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ContextHandler context = new ContextHandler("/");
        context.setBaseResource(ResourceFactory.of(context).newResource(this.root));
        // Aliases (a symbolic link, a name the file system folds) are served only when their real
        // file is inside the site folder.
        context.clearAliasChecks();
        context.addAliasCheck(new AllowedResourceAliasChecker(context));

        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(context.getBaseResource());
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        // The resource service takes its content types from the context.
        context.getMimeTypes().setFrom(mimeTypes());
        files.setEtags(true);

        List<Handler> all = new ArrayList<>(handlers == null ? List.of() : handlers);
        all.add(files);
        context.setHandler(new Headers(new Handler.Sequence(all.toArray(Handler[]::new))));
        server.setHandler(context);
    }

    /** Starts listening; returns at once. */
    public SiteServer start() throws Exception {
        server.start();
        return this;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** The address actually bound (the port is the real one when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), connector.getLocalPort());
    }

    /** The site's URL, e.g. {@code http://127.0.0.1:8000/}. */
    public String url() {
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + connector.getLocalPort() + "/";
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Content types of what a site holds. Jetty sends no charset parameter for text types whose
     * charset it infers (HTML, CSS, JavaScript): the pages declare UTF-8 themselves, and scripts and
     * style sheets are read in their page's encoding; XML files carry their own declaration.
     */
    static MimeTypes mimeTypes() {
        MimeTypes.Mutable m = new MimeTypes.Mutable(MimeTypes.DEFAULTS);
        m.addMimeMapping("html", "text/html");
        m.addMimeMapping("css", "text/css");
        m.addMimeMapping("js", "text/javascript");
        m.addMimeMapping("mjs", "text/javascript");
        m.addMimeMapping("json", "application/json");
        m.addMimeMapping("xml", "application/xml");
        m.addMimeMapping("svg", "image/svg+xml");
        m.addMimeMapping("bib", "application/x-bibtex");
        m.addMimeMapping("ris", "application/x-research-info-systems");
        m.addMimeMapping("mrc", "application/marc");
        m.addMimeMapping("pdf", "application/pdf");
        m.addMimeMapping("woff2", "font/woff2");
        // Raw sources are kept in their own encodings (GBK, Big5, UTF-16...): no charset is claimed.
        m.addMimeMapping("txt", "text/plain");
        return m;
    }

    /**
     * Adds the response headers every file gets: no content sniffing, no framing by other sites; the raw sources under
     * {@code /src/} as downloads, in a sandbox.
     */
    private static final class Headers extends Handler.Wrapper {
        Headers(Handler h) {
            super(h);
        }

        /** The headers every response carries, the server's own error pages too. */
        static void common(Response response) {
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            common(response);
            if (Request.getPathInContext(request).startsWith("/src/")) {
                // the raw sources, byte for byte: downloaded, and never run as a page of the edition
                response.getHeaders().put("Content-Disposition", "attachment");
                response.getHeaders().put("Content-Security-Policy", "sandbox");
            }
            return super.handle(request, response, callback);
        }
    }
}
