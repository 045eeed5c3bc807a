package org.jiaokan.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve against traversal in every encoding, links out of the site and a burst of concurrent requests. */
class ServeHostileTest {
    @TempDir
    static Path tmp;
    static Path site;
    static SiteServer server;

    @BeforeAll
    static void start() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(site.resolve("doc"));
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>首页</title><p>示例版</p>");
        for (int i = 0; i < 20; i++) Files.writeString(site.resolve("doc/d-" + i + ".html"), "<!DOCTYPE html><p>第" + i + "篇</p>" + "正文。".repeat(2000));
        Files.writeString(tmp.resolve("secret.txt"), "SECRET-OUTSIDE");
        Path outDir = Files.createDirectories(tmp.resolve("outdir"));
        Files.writeString(outDir.resolve("page.html"), "SECRET-OUTSIDE");
        Files.createSymbolicLink(site.resolve("leak.html"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("doc/linked-dir"), outDir);
        Files.createSymbolicLink(site.resolve("doc/up"), tmp);
        server = new SiteServer(site, SiteServer.DEFAULT_HOST, 0, List.of()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String raw(String requestLine) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void traversalInEveryEncodingIsRefused() throws Exception {
        List<String> targets = List.of("/../secret.txt", "/doc/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/doc/%2e%2e%5c%2e%2e%5csecret.txt", "/..\\secret.txt",
                "/doc\\..\\..\\secret.txt", "/%c0%ae%c0%ae/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
                "/doc/..;/..;/secret.txt", "/secret.txt%00.html", "/doc/%2e%2e/%2e%2e/outdir/page.html", "//../secret.txt",
                "/leak.html", "/doc/linked-dir/page.html", "/doc/up/secret.txt", "/doc/up/outdir/page.html",
                "/" + "../".repeat(50) + "etc/passwd", "/" + "a/".repeat(3000) + "x");
        List<String> failures = new ArrayList<>();
        for (String t : targets) {
            for (String line : List.of("GET " + t + " HTTP/1.1", "GET http://127.0.0.1" + t + " HTTP/1.1")) {
                String r = raw(line);
                if (r.isEmpty()) continue; // the connection was refused outright
                int status = Integer.parseInt(r.substring(9, 12));
                if (r.contains("SECRET-OUTSIDE") || r.contains("root:") || status < 400 || status >= 500) {
                    failures.add(line + " -> " + r.lines().findFirst().orElse(""));
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(raw("GET /index.html HTTP/1.1").startsWith("HTTP/1.1 200"), "the server still answers");
    }

    @Test
    void aBurstOfConcurrentRequestsIsServedWithoutErrorsOnBoundedThreads() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger maxThreads = new AtomicInteger();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i % 20;
                jobs.add(clients.submit(() -> {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "doc/d-" + n + ".html"))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (r.statusCode() != 200 || !r.body().contains("第" + n + "篇")) errors.add(n + ": " + r.statusCode());
                    } catch (Exception e) {
                        errors.add(n + ": " + e);
                    }
                    maxThreads.accumulateAndGet(serverThreads(), Math::max);
                }));
            }
            for (Future<?> f : jobs) f.get();
        } finally {
            clients.shutdownNow();
        }
        assertEquals(List.of(), errors);
        assertTrue(maxThreads.get() <= SiteServer.MAX_THREADS, "server threads: " + maxThreads.get());
        assertTrue(maxThreads.get() > 0, "the server's threads are named jiaokan-serve");
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jiaokan-serve")).count();
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertFalse(server.url().contains("0.0.0.0"));
    }
}
