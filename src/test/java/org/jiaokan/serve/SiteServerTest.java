package org.jiaokan.serve;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The preview server on a free port over a small site folder, with a secret file beside it. */
class SiteServerTest {

    @TempDir
    Path tmp;
    Path site;
    SiteServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void site() throws Exception {
        site = tmp.resolve("site");
        Files.createDirectories(site.resolve("doc"));
        Files.createDirectories(site.resolve("assets"));
        Files.createDirectories(site.resolve("records"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html lang=\"zh-Hans\"><title>首页</title><p>示例版</p></html>");
        Files.writeString(site.resolve("doc/t-1.html"), "<!DOCTYPE html><p id=\"p-1\">第一段</p>");
        Files.writeString(site.resolve("doc/t-1.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>");
        Files.writeString(site.resolve("assets/jiaokan.js"), "window.x = 1;");
        Files.write(site.resolve("records/all.mrc"), new byte[]{'0', '0', '0', '2', '4', 0x1e, 0x1d});
        Files.writeString(tmp.resolve("secret.txt"), "SECRET-OUTSIDE");
        Files.createSymbolicLink(site.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("outside"), tmp);
        server = new SiteServer(site, SiteServer.DEFAULT_HOST, 0, List.of()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request sent as written, bypassing any client's path normalisation; returns the status line and body. */
    String raw(String target) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    /** A raw source under src/ is a download in a sandbox, whatever it holds; a page is neither. */
    @Test
    void rawSourcesAreDownloadsInASandbox() throws Exception {
        Files.createDirectories(site.resolve("src"));
        Files.writeString(site.resolve("src/page.html.txt"), "<script>alert(1)</script>");
        HttpResponse<String> raw = get("src/page.html.txt");
        assertEquals(200, raw.statusCode());
        assertEquals("<script>alert(1)</script>", raw.body());
        assertEquals("attachment", raw.headers().firstValue("content-disposition").orElse(""));
        assertEquals("sandbox", raw.headers().firstValue("content-security-policy").orElse(""));
        assertTrue(raw.headers().firstValue("content-type").orElse("").startsWith("text/plain"), raw.headers().toString());
        HttpResponse<String> page = get("doc/t-1.html");
        assertTrue(page.headers().firstValue("content-disposition").isEmpty(), page.headers().toString());
        assertTrue(page.headers().firstValue("content-security-policy").isEmpty(), page.headers().toString());
    }

    @Test
    void servesPagesWithTheirContentTypes() throws Exception {
        assertTrue(server.url().matches("http://127\\.0\\.0\\.1:\\d+/"), server.url());
        assertNotEquals(0, server.address().getPort());
        HttpResponse<String> home = get("");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("示例版"));
        assertTrue(home.headers().firstValue("content-type").orElse("").startsWith("text/html"), home.headers().toString());
        assertEquals("nosniff", home.headers().firstValue("x-content-type-options").orElse(""));
        assertEquals(200, get("doc/t-1.html").statusCode());
        assertTrue(get("assets/jiaokan.js").headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
        assertTrue(get("doc/t-1.xml").headers().firstValue("content-type").orElse("").startsWith("application/xml"));
        HttpResponse<String> mrc = get("records/all.mrc");
        assertEquals(200, mrc.statusCode());
        assertEquals("application/marc", mrc.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void missingFilesAndFoldersAre404WithoutListings() throws Exception {
        assertEquals(404, get("doc/nothing.html").statusCode());
        HttpResponse<String> dir = get("doc/");
        assertNotEquals(200, dir.statusCode(), dir.body());
        assertFalse(dir.body().contains("t-1.html"), "a directory listing: " + dir.body());
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        for (String target : List.of("/../secret.txt", "/doc/../../secret.txt", "/%2e%2e/secret.txt", "/doc/%2E%2E/%2e%2e/secret.txt",
                "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/doc/..%5c..%5csecret.txt", "/leak.txt", "/outside/secret.txt")) {
            String r = raw(target);
            assertFalse(r.contains("SECRET-OUTSIDE"), target + " leaked: " + r);
            int st = status(r);
            assertTrue(st == 400 || st == 404, target + ": " + r.lines().findFirst().orElse(""));
            assertTrue(r.toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"), target + ": " + r);
        }
        // the server's own refusals carry the headers too
        for (String target : List.of("/%00", "/%FF", "/" + "a".repeat(10_000))) {
            String r = raw(target);
            assertTrue(status(r) >= 400, target + ": " + r.lines().findFirst().orElse(""));
            assertTrue(r.toLowerCase(java.util.Locale.ROOT).contains("x-content-type-options: nosniff"), target + ": " + r.lines().limit(8).toList());
        }
        // A link inside the folder to a file inside it is served.
        Files.createSymbolicLink(site.resolve("home.html"), site.resolve("index.html"));
        assertEquals(200, get("home.html").statusCode());
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertTrue(InetAddress.getByName(server.address().getHostString()).isLoopbackAddress(), server.address().toString());
        // Nothing answers on the machine's other addresses.
        for (InetAddress a : InetAddress.getAllByName(InetAddress.getLocalHost().getHostName())) {
            if (a.isLoopbackAddress()) continue;
            assertThrows(java.io.IOException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new java.net.InetSocketAddress(a, server.address().getPort()), 2000);
                }
            }, "answered on " + a);
        }
    }

    @Test
    void handlersGivenFirstServeTheirPathsAndTheFilesTheRest() throws Exception {
        server.close();
        Handler oai = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!Request.getPathInContext(request).equals("/oai")) return false;
                response.setStatus(200);
                response.getHeaders().put("Content-Type", "text/xml;charset=utf-8");
                response.write(true, java.nio.ByteBuffer.wrap("<OAI-PMH/>".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        server = new SiteServer(site, "127.0.0.1", 0, List.of(oai)).start();
        assertEquals("<OAI-PMH/>", get("oai").body());
        assertEquals(200, get("doc/t-1.html").statusCode());
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThrows(java.io.IOException.class, () -> new SiteServer(tmp.resolve("none"), "127.0.0.1", 0, List.of()));
    }
}
